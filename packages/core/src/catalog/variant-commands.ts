import { and, eq } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { variants } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { auditCatalogChange } from './audit-change.js';
import { touchProduct } from './product-links.js';
import { SetVariantPriceInput, SetVariantStockInput } from './product-schemas.js';
import { loadVariant, toVariantView } from './variant-rows.js';
import { pricesDiffer, resolvePrices, writeFixedPrices } from './variant-writes.js';
import type { VariantView } from './views.js';

async function variantForWrite(tx: Db, ctx: ShopContext, variantId: string) {
  const row = await loadVariant(tx, ctx.shop.id, variantId);
  if (!row) throw notFound('variant');
  return row;
}

async function viewOf(tx: Db, ctx: ShopContext, variantId: string): Promise<VariantView> {
  const row = await variantForWrite(tx, ctx, variantId);
  return toVariantView(row, ctx.locale, ctx.shop.defaultLocale);
}

/**
 * Sets how many of a variant are on hand (for made-to-order ones: how many
 * the seller can make). Requires `catalog.write`.
 * @throws AldeaError VALIDATION (negative stock), NOT_FOUND
 */
export async function setVariantStock(
  ctx: ShopContext,
  variantId: string,
  raw: SetVariantStockInput,
): Promise<VariantView> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(SetVariantStockInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await variantForWrite(tx, ctx, variantId);
    await tx
      .update(variants)
      .set({ stockOnHand: input.stockOnHand, updatedAt: now })
      .where(and(eq(variants.shopId, ctx.shop.id), eq(variants.id, variantId)));
    await touchProduct(tx, ctx.shop.id, before.productId, now);
    await auditCatalogChange(tx, ctx, {
      action: 'variant.stock_set',
      entity: 'variant',
      entityId: variantId,
      data: { from: before.stockOnHand, to: input.stockOnHand },
    });
    return viewOf(tx, ctx, variantId);
  });
}

/**
 * Sets a variant's base price (`priceMinor`, or `price` as the seller typed it
 * in the shop's base currency) and, when given, replaces its fixed prices per
 * buyer currency. Always written to the audit log. Requires `catalog.write`.
 *
 * @example
 * await setVariantPrice(ctx, variantId, { price: '850', fixedPrices: { USD: 4999 } });
 * @throws AldeaError VALIDATION (too many decimals, unknown currency…), NOT_FOUND
 */
export async function setVariantPrice(
  ctx: ShopContext,
  variantId: string,
  raw: SetVariantPriceInput,
): Promise<VariantView> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(SetVariantPriceInput, raw);
  const resolved = resolvePrices(ctx, input, '');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await variantForWrite(tx, ctx, variantId);
    const from = { priceMinor: before.priceMinor, fixedPrices: before.fixedPrices };
    const to = {
      priceMinor: resolved.priceMinor,
      fixedPrices: input.fixedPrices ? resolved.fixedPrices : from.fixedPrices,
    };
    await tx
      .update(variants)
      .set({ priceMinor: to.priceMinor, updatedAt: now })
      .where(and(eq(variants.shopId, ctx.shop.id), eq(variants.id, variantId)));
    if (input.fixedPrices) await writeFixedPrices(tx, ctx, variantId, to.fixedPrices);
    await touchProduct(tx, ctx.shop.id, before.productId, now);
    if (pricesDiffer(from, to)) {
      await auditCatalogChange(
        tx,
        ctx,
        {
          action: 'variant.price_change',
          entity: 'variant',
          entityId: variantId,
          data: { productId: before.productId, sku: before.sku, from, to },
        },
        { money: true },
      );
    }
    return viewOf(tx, ctx, variantId);
  });
}
