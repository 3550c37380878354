import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { carts } from '../schema/carts.js';
import type { ShopContext } from '../tenancy/context.js';
import { hashCartToken, isCartToken, newCartToken } from './cart-token.js';

/** A cart as its commands see it: the row id stays on the server, the token in the cookie. */
export interface CartRef {
  /** The token to keep in the buyer's cookie (new when `created`). */
  token: string;
  cartId: string;
  created: boolean;
}

/** The cart of `token` in the context's shop, read through `db` (a transaction or the reader). */
export async function findCartId(
  db: Db,
  ctx: ShopContext,
  token: string | undefined,
): Promise<string | undefined> {
  if (!isCartToken(token)) return undefined;
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.shopId, ctx.shop.id), eq(carts.tokenHash, hashCartToken(token))));
  return row?.id;
}

/** Finds or creates the cart inside the caller's transaction. */
export async function getOrCreateCartIn(
  tx: Db,
  ctx: ShopContext,
  token: string | undefined,
): Promise<CartRef> {
  const existing = await findCartId(tx, ctx, token);
  if (existing && token) return { token, cartId: existing, created: false };
  // A missing, malformed or unknown token gets a brand-new token: we never adopt
  // a token the buyer made up, so nobody can plant a cart id they can guess.
  const fresh = newCartToken();
  const now = ctx.clock.now();
  const cartId = newId('cart', now.getTime());
  await tx.insert(carts).values({
    shopId: ctx.shop.id,
    id: cartId,
    tokenHash: hashCartToken(fresh),
    createdAt: now,
    updatedAt: now,
  });
  return { token: fresh, cartId, created: true };
}

/**
 * The buyer's cart in the context's shop: the one their cookie token names, or
 * a new one with a new token (a missing, malformed or unknown token never
 * errors). Commands that add to a cart call this themselves; pages that only
 * show a cart use `viewCart`, which creates nothing.
 */
export async function getOrCreateCart(
  ctx: ShopContext,
  token: string | undefined,
): Promise<CartRef> {
  return ctx.db.transaction((tx) => getOrCreateCartIn(tx, ctx, token));
}
