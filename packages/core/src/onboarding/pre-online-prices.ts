import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { AldeaError, notFound } from '../errors.js';
import { parseAmount } from '../money/parse-amount.js';
import { products } from '../schema/catalog.js';
import { preOnlinePrices } from '../schema/onboarding.js';
import type { ShopContext } from '../tenancy/context.js';
import { CurrencyCode } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';

/** Input of {@link setPreOnlinePrice}: what one item sold for before the shop went online. */
export const PreOnlinePriceInput = z.object({
  /** A product of the shop; omitted: the shop's typical item. */
  productId: z.string().min(1).max(64).optional(),
  /** As the seller types it ("9", "180.50"), in `currency`. */
  price: z.string().trim().min(1, 'give the price').max(64),
  /** Default: the shop's currency (a local market price usually is). */
  currency: CurrencyCode.optional(),
  note: z.string().trim().max(500).default(''),
});
export type PreOnlinePriceInput = z.input<typeof PreOnlinePriceInput>;

/** A recorded price from before going online. */
export interface PreOnlinePriceView {
  productId: string | null;
  amountMinor: number;
  currency: string;
  note: string;
  updatedAt: Date;
}

/**
 * Records (or replaces) what an item sold for before the shop went online —
 * the seed's 9 USD molcajete — so the impact report can show the uplift.
 * Needs `catalog.write`; audited (it is a price).
 */
export async function setPreOnlinePrice(
  ctx: ShopContext,
  raw: PreOnlinePriceInput,
): Promise<PreOnlinePriceView> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(PreOnlinePriceInput, raw);
  const currency = input.currency ?? ctx.shop.baseCurrency;
  const { amountMinor } = parseAmount(input.price, currency, { locale: ctx.locale, path: 'price' });
  if (amountMinor <= 0) {
    throw new AldeaError('VALIDATION', 'price: must be more than zero', [
      { path: 'price', message: 'must be more than zero', code: 'too_small' },
    ]);
  }
  const now = ctx.clock.now();
  const productId = input.productId ?? '';
  return ctx.db.transaction(async (tx) => {
    if (productId) {
      const [p] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.shopId, ctx.shop.id), eq(products.id, productId)));
      if (!p) throw notFound('product');
    }
    const row = {
      shopId: ctx.shop.id,
      productId,
      amountMinor,
      currency,
      note: input.note,
      updatedAt: now,
    };
    await tx
      .insert(preOnlinePrices)
      .values(row)
      .onConflictDoUpdate({
        target: [preOnlinePrices.shopId, preOnlinePrices.productId],
        set: { amountMinor, currency, note: input.note, updatedAt: now },
      });
    await recordAudit(tx, ctx, {
      action: 'onboarding.pre-online-price.set',
      entity: productId ? 'product' : 'shop',
      entityId: productId || ctx.shop.id,
      data: { amountMinor, currency },
    });
    return {
      productId: productId || null,
      amountMinor,
      currency,
      note: input.note,
      updatedAt: now,
    };
  });
}

/** The shop's recorded before-online prices. Needs `shop.read`. */
export async function listPreOnlinePrices(ctx: ShopContext): Promise<PreOnlinePriceView[]> {
  authorize(ctx, 'shop.read');
  const rows = await ctx.db.read
    .select()
    .from(preOnlinePrices)
    .where(eq(preOnlinePrices.shopId, ctx.shop.id))
    .orderBy(asc(preOnlinePrices.productId));
  return rows.map((r) => ({
    productId: r.productId || null,
    amountMinor: r.amountMinor,
    currency: r.currency,
    note: r.note,
    updatedAt: r.updatedAt,
  }));
}
