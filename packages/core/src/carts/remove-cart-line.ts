import { and, eq } from 'drizzle-orm';
import { notFound } from '../errors.js';
import { cartLines, carts } from '../schema/carts.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { findCartId } from './get-or-create-cart.js';
import { RemoveCartLineInput } from './schemas.js';

/**
 * Takes one line out of the buyer's cart. A line of another cart or another
 * shop is NOT_FOUND (and stays where it is).
 */
export async function removeCartLine(
  ctx: ShopContext,
  cartToken: string | undefined,
  raw: RemoveCartLineInput,
): Promise<void> {
  const input = parseInput(RemoveCartLineInput, raw);
  await ctx.db.transaction(async (tx) => {
    const cartId = await findCartId(tx, ctx, cartToken);
    if (!cartId) throw notFound('cart line');
    const removed = await tx
      .delete(cartLines)
      .where(
        and(
          eq(cartLines.shopId, ctx.shop.id),
          eq(cartLines.cartId, cartId),
          eq(cartLines.id, input.lineId),
        ),
      )
      .returning({ id: cartLines.id });
    if (removed.length === 0) throw notFound('cart line');
    await tx
      .update(carts)
      .set({ updatedAt: ctx.clock.now() })
      .where(and(eq(carts.shopId, ctx.shop.id), eq(carts.id, cartId)));
  });
}
