import { and, count, eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { newId } from '../ids.js';
import { cartLines, carts } from '../schema/carts.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import type { CartPricer } from './cart-pricer.js';
import { findCartId, getOrCreateCartIn } from './get-or-create-cart.js';
import { loadCartVariant } from './load-cart-variant.js';
import { AddToCartInput, MAX_CART_LINES, MAX_LINE_QUANTITY } from './schemas.js';

/** What adding to a cart did: the line as it is now, or why nothing changed. */
export type AddToCartResult =
  | { ok: true; token: string; cartId: string; lineId: string; quantity: number }
  | { ok: false; reason: 'OUT_OF_STOCK'; available: number }
  | { ok: false; reason: 'CART_FULL'; maxLines: number };

/**
 * Adds `quantity` of a variant to the buyer's cart in the context's shop
 * (creating the cart, and a new token, when the cookie has none). Adding a
 * variant already in the cart raises that line's quantity. The unit price in
 * the pricer's currency is recorded, so the cart can later say when it changed.
 *
 * Throws VALIDATION (quantity outside 1..999, or the line would pass 999) and
 * NOT_FOUND (another shop's variant, an unpublished product). Returns
 * `OUT_OF_STOCK` when fewer units are left than the line would hold; then
 * nothing is written.
 *
 * @example
 * const r = await addToCart(ctx, cookieToken, { variantId, quantity: 1 }, pricer);
 * if (r.ok) setCookie('cart', r.token);
 */
export async function addToCart(
  ctx: ShopContext,
  cartToken: string | undefined,
  raw: AddToCartInput,
  pricer: CartPricer,
): Promise<AddToCartResult> {
  const input = parseInput(AddToCartInput, raw);
  return ctx.db.transaction(async (tx) => {
    const variant = await loadCartVariant(tx, ctx, input.variantId);
    const existingCart = await findCartId(tx, ctx, cartToken);
    const [line] = existingCart
      ? await tx
          .select({ id: cartLines.id, quantity: cartLines.quantity })
          .from(cartLines)
          .where(
            and(
              eq(cartLines.shopId, ctx.shop.id),
              eq(cartLines.cartId, existingCart),
              eq(cartLines.variantId, variant.id),
            ),
          )
      : [];
    const quantity = (line?.quantity ?? 0) + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      const message = `must be at most ${MAX_LINE_QUANTITY} in one cart line`;
      throw new AldeaError('VALIDATION', `quantity: ${message}`, [
        { path: 'quantity', message, code: 'too_big' },
      ]);
    }
    if (quantity > variant.available) {
      return { ok: false, reason: 'OUT_OF_STOCK', available: variant.available };
    }
    if (!line && existingCart) {
      const [{ n } = { n: 0 }] = await tx
        .select({ n: count() })
        .from(cartLines)
        .where(and(eq(cartLines.shopId, ctx.shop.id), eq(cartLines.cartId, existingCart)));
      if (n >= MAX_CART_LINES) return { ok: false, reason: 'CART_FULL', maxLines: MAX_CART_LINES };
    }

    const cart = await getOrCreateCartIn(tx, ctx, cartToken);
    const now = ctx.clock.now();
    const seen = pricer.price(variant);
    const seenAmountMinor = seen.ok ? seen.amount.amountMinor : null;
    const lineId = line?.id ?? newId('cartLine', now.getTime());
    if (line) {
      await tx
        .update(cartLines)
        .set({ quantity, seenAmountMinor, seenCurrency: pricer.currency, updatedAt: now })
        .where(and(eq(cartLines.shopId, ctx.shop.id), eq(cartLines.id, line.id)));
    } else {
      await tx.insert(cartLines).values({
        shopId: ctx.shop.id,
        id: lineId,
        cartId: cart.cartId,
        variantId: variant.id,
        quantity,
        seenAmountMinor,
        seenCurrency: pricer.currency,
        createdAt: now,
        updatedAt: now,
      });
    }
    await tx
      .update(carts)
      .set({ updatedAt: now })
      .where(and(eq(carts.shopId, ctx.shop.id), eq(carts.id, cart.cartId)));
    return { ok: true, token: cart.token, cartId: cart.cartId, lineId, quantity };
  });
}
