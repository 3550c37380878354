import { and, eq } from 'drizzle-orm';
import { notFound } from '../errors.js';
import { cartLines, carts } from '../schema/carts.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import type { CartPricer } from './cart-pricer.js';
import { findCartId } from './get-or-create-cart.js';
import { loadCartVariant } from './load-cart-variant.js';
import { UpdateCartLineInput } from './schemas.js';

/** What changing a line's quantity did. */
export type UpdateCartLineResult =
  | { ok: true; lineId: string; quantity: number }
  | { ok: false; reason: 'OUT_OF_STOCK'; available: number };

/**
 * Sets the quantity of one line of the buyer's cart (1..999; use
 * `removeCartLine` to take it out) and records the unit price the buyer sees
 * now. A line of another cart or another shop is NOT_FOUND; asking for more
 * than is left returns `OUT_OF_STOCK` and changes nothing.
 */
export async function updateCartLine(
  ctx: ShopContext,
  cartToken: string | undefined,
  raw: UpdateCartLineInput,
  pricer: CartPricer,
): Promise<UpdateCartLineResult> {
  const input = parseInput(UpdateCartLineInput, raw);
  return ctx.db.transaction(async (tx) => {
    const cartId = await findCartId(tx, ctx, cartToken);
    if (!cartId) throw notFound('cart line');
    const [line] = await tx
      .select({ id: cartLines.id, variantId: cartLines.variantId })
      .from(cartLines)
      .where(
        and(
          eq(cartLines.shopId, ctx.shop.id),
          eq(cartLines.cartId, cartId),
          eq(cartLines.id, input.lineId),
        ),
      );
    if (!line) throw notFound('cart line');
    const variant = await loadCartVariant(tx, ctx, line.variantId);
    if (input.quantity > variant.available) {
      return { ok: false, reason: 'OUT_OF_STOCK', available: variant.available };
    }
    const seen = pricer.price(variant);
    const now = ctx.clock.now();
    await tx
      .update(cartLines)
      .set({
        quantity: input.quantity,
        seenAmountMinor: seen.ok ? seen.amount.amountMinor : null,
        seenCurrency: pricer.currency,
        updatedAt: now,
      })
      .where(and(eq(cartLines.shopId, ctx.shop.id), eq(cartLines.id, line.id)));
    await tx
      .update(carts)
      .set({ updatedAt: now })
      .where(and(eq(carts.shopId, ctx.shop.id), eq(carts.id, cartId)));
    return { ok: true, lineId: line.id, quantity: input.quantity };
  });
}
