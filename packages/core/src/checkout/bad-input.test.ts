import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BELGIAN_BUYER,
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  reviewedCheckout,
  TEST_LINKS,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { type FakeStripe, startFakeStripe } from '../../test/support/stripe-fake/server.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { confirmManualPayment } from '../orders/confirm-manual-payment.js';
import { refundOrder } from '../orders/refund-order.js';
import { handleStripeWebhook } from '../payments/handle-stripe-webhook.js';
import type { PaymentGateway } from '../payments/provider.js';
import { platformContext, type ShopContext } from '../tenancy/context.js';
import { placeOrder } from './place-order.js';
import { setCheckoutContact } from './set-contact.js';
import { startCheckout } from './start-checkout.js';

/**
 * The list of bad input, each refused with a clear error and nothing
 * changed: the row counts of every checkout, order and payment table are the
 * same before and after.
 */
const db = await makeTestDb();
let fake: FakeStripe;
let gateway: PaymentGateway;
beforeAll(async () => {
  fake = await startFakeStripe({ deliver: 'manually' });
  gateway = testGateway(fake);
});
afterAll(() => fake.close());

const TABLES = [
  'checkouts',
  'orders',
  'order_lines',
  'inventory_reservations',
  'payments',
  'refunds',
  'webhook_events',
  'outbox',
  'price_quotes',
];

async function snapshot() {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    counts[t] = (await db.read.get<{ n: number }>(
      sql`select count(*) as n from ${sql.identifier(t)}`,
    ))!.n;
  }
  const stock = await db.read.all(
    sql`select id, stock_on_hand, stock_reserved, stock_sold from variants order by id`,
  );
  return { counts, stock };
}

async function refusedWithNothingChanged(run: () => Promise<unknown>, code: string) {
  const before = await snapshot();
  const err = await run().then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(err?.code).toBe(code);
  expect(err?.message.length).toBeGreaterThan(5);
  expect(await snapshot()).toEqual(before);
}

let ctx: ShopContext;
let variantId: string;
beforeAll(async () => {
  ctx = await makeCheckoutShop(db);
  variantId = (await makeMolcajete(ctx)).variants[0]!.id;
});

describe('bad input is refused and changes nothing', () => {
  it('a tampered amount or currency in the form', async () => {
    const { token, review } = await reviewedCheckout(ctx, {
      gateway,
      lines: [{ variantId, quantity: 1 }],
    });
    const honest = {
      quoteId: review.quoteId,
      totalMinor: review.totals.totalMinor,
      currency: 'EUR',
    };
    const deps = { gateway, links: TEST_LINKS };
    await refusedWithNothingChanged(
      () => placeOrder(ctx, token, { ...honest, totalMinor: 1 }, deps),
      'VALIDATION',
    );
    await refusedWithNothingChanged(
      () => placeOrder(ctx, token, { ...honest, totalMinor: -5 }, deps),
      'VALIDATION',
    );
    await refusedWithNothingChanged(
      () => placeOrder(ctx, token, { ...honest, currency: 'JPY' }, deps),
      'VALIDATION',
    );
    await refusedWithNothingChanged(
      () => placeOrder(ctx, token, { ...honest, currency: 'XXX' }, deps),
      'VALIDATION',
    );
  });

  it('a foreign shop’s variant in the cart', async () => {
    const other = await makeCheckoutShop(db);
    const foreign = (await makeMolcajete(other)).variants[0]!.id;
    await refusedWithNothingChanged(
      () => startCheckout(ctx, { currency: 'EUR', lines: [{ variantId: foreign, quantity: 1 }] }),
      'VALIDATION',
    );
  });

  it.each([0, -1, 1e9, 1.5])('a quantity of %s', async (quantity) => {
    await refusedWithNothingChanged(
      () => startCheckout(ctx, { currency: 'EUR', lines: [{ variantId, quantity }] }),
      'VALIDATION',
    );
  });

  it('a currency the shop does not sell in', async () => {
    await refusedWithNothingChanged(
      () => startCheckout(ctx, { currency: 'GBP', lines: [{ variantId, quantity: 1 }] }),
      'UNSUPPORTED_CURRENCY',
    );
  });

  it('an address with a script tag', async () => {
    const c = await startCheckout(ctx, { currency: 'EUR', lines: [{ variantId, quantity: 1 }] });
    await refusedWithNothingChanged(
      () =>
        setCheckoutContact(ctx, c.token, { ...BELGIAN_BUYER, line1: '<script>alert(1)</script>' }),
      'VALIDATION',
    );
  });

  describe('webhooks', () => {
    const platform = platformContext(db);
    async function completedEvent() {
      const p = await placeTestOrder(ctx, {
        gateway,
        method: 'card',
        lines: [{ variantId, quantity: 1 }],
      });
      if (p.placed.next.kind !== 'redirect') throw new Error('no session');
      return fake.complete(p.placed.next.url.split('/').pop()!)[0]!;
    }
    const hook = (payload: string, signature: string | undefined) =>
      handleStripeWebhook(platform, { rawBody: payload, signature }, { gateway });

    it('unsigned', async () => {
      const { payload } = fake.sign(await completedEvent());
      await refusedWithNothingChanged(() => hook(payload, undefined), 'UNAUTHENTICATED');
    });

    it('wrongly signed', async () => {
      const { payload, header } = fake.sign(await completedEvent(), { secret: 'whsec_attacker' });
      await refusedWithNothingChanged(() => hook(payload, header), 'UNAUTHENTICATED');
    });

    it('for an unknown session', async () => {
      const event = await completedEvent();
      const unknown = {
        ...event,
        id: 'evt_test_unknown',
        data: { object: { ...event.data.object, id: 'cs_test_nobody', metadata: {} } },
      };
      const { payload, header } = fake.sign(unknown);
      await refusedWithNothingChanged(() => hook(payload, header), 'NOT_FOUND');
    });

    it('a replay from last week', async () => {
      const lastWeek = Math.floor(Date.now() / 1000) - 7 * 86_400;
      const { payload, header } = fake.sign(await completedEvent(), { timestamp: lastWeek });
      await refusedWithNothingChanged(() => hook(payload, header), 'UNAUTHENTICATED');
    });
  });

  it('a refund larger than what was captured', async () => {
    const { placed } = await placeTestOrder(ctx, { gateway, lines: [{ variantId, quantity: 1 }] });
    await confirmManualPayment(ctx, placed.order.id);
    await refusedWithNothingChanged(
      () =>
        refundOrder(
          ctx,
          placed.order.id,
          { amountMinor: placed.order.totalMinor + 1 },
          { gateway },
        ),
      'VALIDATION',
    );
    await refusedWithNothingChanged(
      () => refundOrder(ctx, placed.order.id, { amountMinor: 0 }, { gateway }),
      'VALIDATION',
    );
  });
});
