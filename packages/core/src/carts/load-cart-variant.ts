import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { products, variantPrices, variants } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';

/** What adding a variant to a cart needs to know about it. */
export interface CartVariantFacts {
  id: string;
  priceMinor: number;
  fixedPrices: Partial<Record<string, number>>;
  /**
   * Units that can still be sold: `stock_on_hand` (capacity for made-to-order).
   * Reservations have already moved out of it into `stock_reserved`.
   */
  available: number;
}

/**
 * A buyable variant of the context's shop, read inside the caller's
 * transaction (so the stock it sees is the stock the write decides on).
 * Another shop's variant, a variant of an unpublished product, or a shop that
 * is not live is NOT_FOUND. Two statements.
 */
export async function loadCartVariant(
  tx: Db,
  ctx: ShopContext,
  variantId: string,
): Promise<CartVariantFacts> {
  if (ctx.shop.status !== 'live') throw notFound('product');
  const [row] = await tx
    .select({
      id: variants.id,
      priceMinor: variants.priceMinor,
      onHand: variants.stockOnHand,
    })
    .from(variants)
    .innerJoin(
      products,
      and(eq(products.shopId, variants.shopId), eq(products.id, variants.productId)),
    )
    .where(
      and(
        eq(variants.shopId, ctx.shop.id),
        eq(variants.id, variantId),
        eq(products.status, 'active'),
      ),
    );
  if (!row) throw notFound('product');
  const fixed = await tx
    .select({ currency: variantPrices.currency, amountMinor: variantPrices.amountMinor })
    .from(variantPrices)
    .where(and(eq(variantPrices.shopId, ctx.shop.id), eq(variantPrices.variantId, variantId)));
  return {
    id: row.id,
    priceMinor: row.priceMinor,
    fixedPrices: Object.fromEntries(fixed.map((f) => [f.currency, f.amountMinor])),
    available: Math.max(0, row.onHand),
  };
}
