import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AldeaError, notFound } from '../errors.js';
import { variantOptionValues, variants } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import type { OptionStructure } from './option-writes.js';
import type { ParsedVariant } from './product-schemas.js';
import { loadProductVariants } from './variant-rows.js';
import {
  insertVariant,
  pricesDiffer,
  type ResolvedPrices,
  skuConflict,
  variantColumns,
  writeFixedPrices,
  writeOptionLinks,
} from './variant-writes.js';

function invalid(path: string, message: string): AldeaError {
  return new AldeaError('VALIDATION', `${path}: ${message}`, [{ path, message, code: 'variant' }]);
}

/**
 * The option value ids a variant's indexes name, checked against the
 * product's options; `undefined` means "keep the links it has".
 */
function linksFor(
  structure: OptionStructure,
  indexes: number[],
  path: string,
  required: boolean,
): string[] | undefined {
  if (indexes.length === 0) {
    if (structure.length === 0) return [];
    if (!required) return undefined;
  }
  if (indexes.length !== structure.length) {
    throw invalid(
      `${path}.optionValues`,
      `pick one value for each of the ${structure.length} options`,
    );
  }
  return indexes.map((index, o) => {
    const id = structure[o]?.valueIds[index];
    if (!id) throw invalid(`${path}.optionValues.${o}`, 'no such option value');
    return id;
  });
}

/** Refuses two variants of a product with the same option values. */
async function assertDistinctCombos(tx: Db, shopId: string, productId: string): Promise<void> {
  const rows = await tx
    .select({
      variantId: variantOptionValues.variantId,
      valueId: variantOptionValues.optionValueId,
    })
    .from(variantOptionValues)
    .innerJoin(
      variants,
      and(
        eq(variants.shopId, variantOptionValues.shopId),
        eq(variants.id, variantOptionValues.variantId),
      ),
    )
    .where(and(eq(variants.shopId, shopId), eq(variants.productId, productId)));
  const combos = new Map<string, string[]>();
  for (const r of rows) combos.set(r.variantId, [...(combos.get(r.variantId) ?? []), r.valueId]);
  const seen = new Set<string>();
  for (const ids of combos.values()) {
    const key = ids.sort().join(',');
    if (seen.has(key)) throw invalid('variants', 'two variants have the same option values');
    seen.add(key);
  }
}

/** A base or fixed price that changed, for the audit log. */
export interface PriceChange {
  variantId: string;
  sku: string;
  from: ResolvedPrices;
  to: ResolvedPrices;
}

/**
 * Applies an update's variants: removes `removeVariantIds`, replaces variants
 * matched by id (else by SKU) and adds the others. When the options were
 * reshaped, every remaining variant must be listed with its new values.
 */
export async function upsertVariants(
  tx: Db,
  ctx: ShopContext,
  productId: string,
  input: { variants: (ParsedVariant & { id?: string })[]; removeVariantIds: string[] },
  prices: ResolvedPrices[],
  structure: OptionStructure,
  reshaped: boolean,
): Promise<{ count: number; priceChanges: PriceChange[] }> {
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  const existing = await loadProductVariants(tx, shopId, productId);
  const byId = new Map(existing.map((v) => [v.id, v]));
  const removed = [...new Set(input.removeVariantIds)];
  if (removed.some((id) => !byId.has(id))) throw notFound('variant');
  // A checkout holds stock of it: removing it would orphan the reservation.
  const held = removed.filter((id) => (byId.get(id)?.stockReserved ?? 0) > 0);
  if (held.length > 0) {
    const message =
      'a checkout in progress holds stock of this variant: set its stock to 0 instead';
    throw new AldeaError('CONFLICT', message, [
      { path: 'removeVariantIds', message, code: 'reserved' },
    ]);
  }
  if (removed.length > 0) {
    await tx
      .delete(variants)
      .where(and(eq(variants.shopId, shopId), inArray(variants.id, removed)));
    for (const id of removed) byId.delete(id);
  }
  const bySku = new Map([...byId.values()].map((v) => [v.sku, v]));
  let position = Math.max(-1, ...existing.map((v) => v.position)) + 1;
  const touched = new Set<string>();
  const priceChanges: PriceChange[] = [];

  for (const [i, v] of input.variants.entries()) {
    const path = `variants.${i}`;
    const match = v.id !== undefined ? byId.get(v.id) : bySku.get(v.sku);
    if (v.id !== undefined && !match) throw notFound('variant');
    const links = linksFor(structure, v.optionValues, path, !match || reshaped);
    if (!match) {
      const id = await insertVariant(
        tx,
        ctx,
        productId,
        v,
        prices[i]!,
        position++,
        links ?? [],
        path,
      );
      touched.add(id);
      continue;
    }
    // Fixed prices left out are kept; `{}` clears them.
    const keepFixed = v.fixedPrices === undefined;
    const to = keepFixed ? { ...prices[i]!, fixedPrices: match.fixedPrices } : prices[i]!;
    await skuConflict(path, async () => {
      await tx
        .update(variants)
        .set({ ...variantColumns(v, to), updatedAt: now })
        .where(and(eq(variants.shopId, shopId), eq(variants.id, match.id)));
    });
    if (!keepFixed) await writeFixedPrices(tx, ctx, match.id, to.fixedPrices);
    if (links) await writeOptionLinks(tx, ctx, match.id, links);
    const from = { priceMinor: match.priceMinor, fixedPrices: match.fixedPrices };
    if (pricesDiffer(from, to)) priceChanges.push({ variantId: match.id, sku: v.sku, from, to });
    touched.add(match.id);
  }

  if (reshaped) {
    const missing = [...byId.values()].filter((v) => !touched.has(v.id)).map((v) => v.sku);
    if (missing.length > 0) {
      throw invalid(
        'variants',
        `the options changed: give the option values of every variant (missing: ${missing.join(', ')})`,
      );
    }
  }
  const count = new Set([...byId.keys(), ...touched]).size;
  if (structure.length > 0) await assertDistinctCombos(tx, shopId, productId);
  else if (count > 1)
    throw invalid('options', 'add an option (size, grade…) to tell the variants apart');
  return { count, priceChanges };
}
