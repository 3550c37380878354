import { getOrder, openSqlite, type ShopContext } from '@aldea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The checkout tests' Stripe double and order factories: a real card order in the
// database, its payment completed at "Stripe" while the webhook got lost.
import {
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  testGateway,
} from '../../core/test/support/checkout-factories.js';
import { type FakeStripe, startFakeStripe } from '../../core/test/support/stripe-fake/index.js';
import { makeMigratedDb } from './support/migrated-db.js';
import { json, runAldea, workspaceWith } from './support/run-aldea.js';

let template: string;
let fake: FakeStripe;
beforeAll(async () => {
  template = await makeMigratedDb();
  fake = await startFakeStripe({ deliver: 'manually' });
});
afterAll(() => fake.close());

async function cardOrder(ctx: ShopContext) {
  const product = await makeMolcajete(ctx);
  const { placed } = await placeTestOrder(ctx, {
    gateway: testGateway(fake),
    method: 'card',
    lines: [{ variantId: product.variants[0]!.id, quantity: 1 }],
  });
  if (placed.next.kind !== 'redirect') throw new Error('expected a Stripe redirect');
  return { orderId: placed.order.id, sessionId: placed.next.url.split('/').pop()! };
}

describe('aldea payments reconcile', () => {
  it('settles a card order whose webhook never came, and is a no-op the second time', async () => {
    const ws = workspaceWith(template);
    const db = openSqlite({ file: ws.db });
    const ctx = await makeCheckoutShop(db);
    const paid = await cardOrder(ctx);
    const open = await cardOrder(ctx);
    await db.close();
    fake.complete(paid.sessionId); // the buyer paid; the webhook is lost

    const env = {
      STRIPE_SECRET_KEY: 'sk_test_aldea',
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      ALDEA_STRIPE_API_URL: fake.url,
    };
    const r = await runAldea(['payments', 'reconcile', '--json'], { cwd: ws.dir, env });
    expect(r.code, r.stderr).toBe(0);
    const out = json<{ checked: number; changed: { orderId: string; outcome: string }[] }>(r);
    expect(out.checked).toBe(2);
    expect(out.changed).toEqual([
      expect.objectContaining({ orderId: paid.orderId, outcome: 'paid' }),
    ]);

    const again = await runAldea(['payments', 'reconcile'], { cwd: ws.dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 changed');

    const check = openSqlite({ file: ws.db });
    const view = { ...ctx, db: check };
    expect((await getOrder(view, paid.orderId)).status).toBe('paid');
    expect((await getOrder(view, open.orderId)).status).toBe('pending_payment');
    await check.close();
  });

  it('says there is nothing to do without a Stripe key, and refuses a bad --limit', async () => {
    const ws = workspaceWith(template);
    const none = await runAldea(['payments', 'reconcile', '--json'], { cwd: ws.dir });
    expect(none.code).toBe(0);
    expect(json(none)).toMatchObject({ stripe: false, checked: 0 });
    const bad = await runAldea(['payments', 'reconcile', '--limit', 'lots'], { cwd: ws.dir });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--limit: expected a whole number');
  });
});
