import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  makeCheckoutShop,
  placeOneMolcajete,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { sqliteClient } from '../db/sqlite/open-sqlite.js';
import { orders } from '../schema/orders.js';
import type { ShopContext } from '../tenancy/context.js';
import { getOrderByStatusToken, isStatusToken } from './get-order.js';

const db = await makeTestDb();
const gateway = testGateway();

async function placed(ctx: ShopContext) {
  return (await placeOneMolcajete(ctx, gateway, 5)).placed.order;
}

describe('status tokens', () => {
  it('are the order number and a 256-bit secret, and find their order', async () => {
    const ctx = await makeCheckoutShop(db);
    const order = await placed(ctx);
    expect(order.statusToken).toMatch(new RegExp(`^${order.number}\\.[A-Za-z0-9_-]{43}$`));
    expect(isStatusToken(order.statusToken)).toBe(true);
    expect((await getOrderByStatusToken(ctx, order.statusToken)).id).toBe(order.id);
  });

  it('a right number with a wrong secret, or a right secret with another number, is NOT_FOUND', async () => {
    const ctx = await makeCheckoutShop(db);
    const first = await placed(ctx);
    const second = await placed(ctx);
    const [, secret] = first.statusToken.split('.');
    const tries = [
      `${first.number}.${'A'.repeat(43)}`,
      `${second.number}.${secret}`,
      `${first.number}.${secret}x`,
      `${first.number}..${secret}`,
      secret!,
    ];
    for (const token of tries) {
      await expect(getOrderByStatusToken(ctx, token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('an order from before numbers led the token is still found by its token alone', async () => {
    const ctx = await makeCheckoutShop(db);
    const order = await placed(ctx);
    const legacy = 'L'.repeat(43);
    await db.transaction((tx) =>
      tx
        .update(orders)
        .set({ statusToken: legacy })
        .where(and(eq(orders.shopId, ctx.shop.id), eq(orders.id, order.id))),
    );
    expect((await getOrderByStatusToken(ctx, legacy)).id).toBe(order.id);
  });

  it('neither lookup scans: new tokens by number, old ones by an index new orders never write', async () => {
    const client = sqliteClient(db.read);
    const plan = (where: string) =>
      client
        .prepare(`explain query plan select id from orders where shop_id = 's' and ${where}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    expect(plan(`number = 1001 and status_token = 'x'`)).toContain('orders_number_uq');
    expect(plan(`status_token = 'x' and instr("orders"."status_token", '.') = 0`)).toContain(
      'orders_legacy_status_token_uq',
    );
    const ctx = await makeCheckoutShop(db);
    await placed(ctx);
    const [row] = await db.read
      .select({ n: sql<number>`count(*)` })
      .from(orders)
      .where(sql`instr(${orders.statusToken}, '.') = 0 and ${orders.shopId} = ${ctx.shop.id}`);
    expect(row!.n).toBe(0);
  });
});
