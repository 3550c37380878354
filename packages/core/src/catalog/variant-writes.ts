import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { AldeaError } from '../errors.js';
import { newId } from '../ids.js';
import { parseAmount } from '../money/parse-amount.js';
import { variantOptionValues, variantPrices, variants } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { CATALOG_LIMITS, type ParsedVariant } from './product-schemas.js';

/** A variant's prices, resolved to minor units. */
export interface ResolvedPrices {
  priceMinor: number;
  fixedPrices: Partial<Record<string, number>>;
}

function invalid(path: string, message: string): AldeaError {
  return new AldeaError('VALIDATION', `${path}: ${message}`, [{ path, message, code: 'price' }]);
}

/**
 * Resolves the base price (`priceMinor`, or the seller-typed `price` parsed in
 * the shop's base currency with the seller's locale) and checks the fixed
 * prices. Pure; call it before opening the transaction.
 *
 * @throws AldeaError VALIDATION naming `<path>.price` or `<path>.fixedPrices.<CODE>`
 */
export function resolvePrices(
  ctx: ShopContext,
  v: { priceMinor?: number; price?: string; fixedPrices?: Partial<Record<string, number>> },
  path: string,
): ResolvedPrices {
  const base = ctx.shop.baseCurrency;
  let priceMinor = v.priceMinor;
  if (priceMinor === undefined) {
    const pricePath = path ? `${path}.price` : 'price';
    priceMinor = parseAmount(v.price ?? '', base, {
      locale: ctx.locale,
      path: pricePath,
    }).amountMinor;
    if (priceMinor <= 0) throw invalid(pricePath, 'must be more than zero');
    if (priceMinor > CATALOG_LIMITS.priceMinor) throw invalid(pricePath, 'too large');
  }
  const fixedPrices = v.fixedPrices ?? {};
  if (fixedPrices[base] !== undefined) {
    const fixedPath = path ? `${path}.fixedPrices.${base}` : `fixedPrices.${base}`;
    throw invalid(fixedPath, `the base price is already in ${base}`);
  }
  return { priceMinor, fixedPrices };
}

/** True when two resolved price sets differ (for the price-change audit). */
export function pricesDiffer(a: ResolvedPrices, b: ResolvedPrices): boolean {
  if (a.priceMinor !== b.priceMinor) return true;
  const keys = new Set([...Object.keys(a.fixedPrices), ...Object.keys(b.fixedPrices)]);
  return [...keys].some((k) => a.fixedPrices[k] !== b.fixedPrices[k]);
}

/** The variant columns a command writes, from parsed input. */
export function variantColumns(v: ParsedVariant, prices: ResolvedPrices) {
  return {
    sku: v.sku,
    priceMinor: prices.priceMinor,
    stockOnHand: v.stockOnHand,
    weightGrams: v.weightGrams,
    madeToOrder: v.madeToOrder,
    processingDaysMin: v.processingDaysMin,
    processingDaysMax: v.processingDaysMax ?? v.processingDaysMin,
  };
}

/** Turns a unique-SKU violation into a CONFLICT on `<path>.sku`. */
export function skuConflict<T>(path: string, run: () => Promise<T>): Promise<T> {
  return conflictOnUnique(run, {
    variants_sku_uq: [`${path}.sku`, 'another variant of this shop already uses this SKU'],
  });
}

/** Inserts a variant with its fixed prices and option values; returns its id. */
export async function insertVariant(
  tx: Db,
  ctx: ShopContext,
  productId: string,
  v: ParsedVariant,
  prices: ResolvedPrices,
  position: number,
  optionValueIds: string[],
  path: string,
): Promise<string> {
  const now = ctx.clock.now();
  const id = newId('variant', now.getTime());
  await skuConflict(path, async () => {
    await tx.insert(variants).values({
      shopId: ctx.shop.id,
      id,
      productId,
      position,
      ...variantColumns(v, prices),
      createdAt: now,
      updatedAt: now,
    });
  });
  await writeFixedPrices(tx, ctx, id, prices.fixedPrices, false);
  await writeOptionLinks(tx, ctx, id, optionValueIds, false);
  return id;
}

/** Replaces a variant's fixed prices (all of them). */
export async function writeFixedPrices(
  tx: Db,
  ctx: ShopContext,
  variantId: string,
  prices: Partial<Record<string, number>>,
  replace = true,
): Promise<void> {
  const shopId = ctx.shop.id;
  if (replace) {
    await tx
      .delete(variantPrices)
      .where(and(eq(variantPrices.shopId, shopId), eq(variantPrices.variantId, variantId)));
  }
  const now = ctx.clock.now();
  const rows = Object.entries(prices).flatMap(([currency, amountMinor]) =>
    amountMinor === undefined ? [] : [{ shopId, variantId, currency, amountMinor, updatedAt: now }],
  );
  if (rows.length > 0) await tx.insert(variantPrices).values(rows);
}

/** Replaces which option values a variant has. */
export async function writeOptionLinks(
  tx: Db,
  ctx: ShopContext,
  variantId: string,
  optionValueIds: string[],
  replace = true,
): Promise<void> {
  const shopId = ctx.shop.id;
  if (replace) {
    await tx
      .delete(variantOptionValues)
      .where(
        and(eq(variantOptionValues.shopId, shopId), eq(variantOptionValues.variantId, variantId)),
      );
  }
  if (optionValueIds.length > 0) {
    await tx
      .insert(variantOptionValues)
      .values(optionValueIds.map((optionValueId) => ({ shopId, variantId, optionValueId })));
  }
}
