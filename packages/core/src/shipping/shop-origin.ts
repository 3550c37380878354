import { eq, sql } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import { memoUntilWrite } from '../db/memo-until-write.js';
import { notFound } from '../errors.js';
import { shops, villages } from '../schema/tenancy.js';
import type { ShopContext } from '../tenancy/context.js';

/** Where a shop ships from (its village's country) and who pays import duties. */
export interface ShopOrigin {
  country: string;
  dutiesPaidBySeller: boolean;
}

/**
 * The shop's origin country and duties policy (one statement, then from memory
 * until the next commit: every order placed reads it). Do not mutate the result.
 */
export async function loadShopOrigin(ctx: ShopContext): Promise<ShopOrigin> {
  const db = ctx.db.read;
  const row = await memoUntilWrite(ctx.db, `shop-origin:${ctx.shop.id}`, async () => {
    const [found] = cached(db, 'shipping.origin', () =>
      db
        .select({ country: villages.country, dutiesPaidBySeller: shops.dutiesPaidBySeller })
        .from(shops)
        .innerJoin(villages, eq(villages.id, shops.villageId))
        .where(eq(shops.id, sql.placeholder('shopId')))
        .prepare(),
    ).all({ shopId: ctx.shop.id });
    return found;
  });
  if (!row) throw notFound('shop');
  return row;
}

/**
 * The plain duties notice for an order to `country`, or null for a domestic one.
 * Returns a message key and its country parameter; callers translate.
 */
export function dutiesNotice(
  origin: ShopOrigin,
  country: string,
): { key: 'duties.buyer' | 'duties.seller'; country: string } | null {
  if (country === origin.country) return null;
  return { key: origin.dutiesPaidBySeller ? 'duties.seller' : 'duties.buyer', country };
}
