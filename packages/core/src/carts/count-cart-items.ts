import { and, eq, sql, sum } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import { cartLines, carts } from '../schema/carts.js';
import type { ShopContext } from '../tenancy/context.js';
import { hashCartToken, isCartToken } from './cart-token.js';

/**
 * How many units the buyer's cart in the context's shop holds (for the
 * "Cart (3)" link on every page). One statement; 0 for a missing, malformed or
 * unknown token, which is never an error.
 */
export async function countCartItems(
  ctx: ShopContext,
  cartToken: string | undefined,
): Promise<number> {
  if (!isCartToken(cartToken)) return 0;
  const db = ctx.db.read;
  // Prepared once: every page of a buyer with a cart asks.
  const [row] = await cached(db, 'carts.count', () =>
    db
      .select({ units: sum(cartLines.quantity) })
      .from(carts)
      .innerJoin(cartLines, and(eq(cartLines.shopId, carts.shopId), eq(cartLines.cartId, carts.id)))
      .where(
        and(
          eq(carts.shopId, sql.placeholder('shopId')),
          eq(carts.tokenHash, sql.placeholder('tokenHash')),
        ),
      )
      .prepare(),
  ).all({ shopId: ctx.shop.id, tokenHash: hashCartToken(cartToken) });
  return Number(row?.units ?? 0);
}
