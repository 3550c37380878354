import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { fixedClock } from '../../test/support/factories.js';
import { type FakeStripe, startFakeStripe } from '../../test/support/stripe-fake/server.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { handleStripeWebhook } from '../payments/handle-stripe-webhook.js';
import type { PaymentGateway } from '../payments/provider.js';
import { platformContext } from '../tenancy/context.js';
import { confirmManualPayment } from './confirm-manual-payment.js';
import { expireOrders } from './expire-orders.js';
import { getOrder } from './get-order.js';
import { refundOrder } from './refund-order.js';

const db = await makeTestDb();
let fake: FakeStripe;
let gateway: PaymentGateway;
beforeAll(async () => {
  fake = await startFakeStripe({ deliver: 'manually' });
  gateway = testGateway(fake);
});
afterAll(() => fake.close());

describe('refunds never exceed captures', () => {
  it('property: any sequence of refund requests, some concurrent, keeps Σ refunds ≤ captured', async () => {
    const ctx = await makeCheckoutShop(db);
    const variantId = (await makeMolcajete(ctx, 1000)).variants[0]!.id;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            amount: fc.option(fc.integer({ min: -10, max: 12_000 }), { nil: undefined }),
            together: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (requests) => {
          const { placed } = await placeTestOrder(ctx, {
            gateway,
            lines: [{ variantId, quantity: 1 }],
          });
          await confirmManualPayment(ctx, placed.order.id);
          const run = (amount: number | undefined) =>
            refundOrder(ctx, placed.order.id, amount === undefined ? {} : { amountMinor: amount }, {
              gateway,
            }).then(
              (r) => r.refund.amountMinor,
              (e: { code: string }) => {
                expect(['VALIDATION', 'CONFLICT']).toContain(e.code);
                return 0;
              },
            );
          let accepted = 0;
          for (let i = 0; i < requests.length; i++) {
            const batch = [requests[i]!];
            while (requests[i + 1]?.together) batch.push(requests[++i]!);
            const amounts = await Promise.all(batch.map((r) => run(r.amount)));
            accepted += amounts.reduce((s, a) => s + a, 0);
          }
          const order = await getOrder(ctx, placed.order.id);
          const succeeded = order.refunds
            .filter((r) => r.status === 'succeeded')
            .reduce((s, r) => s + r.amountMinor, 0);
          expect(succeeded).toBe(accepted);
          expect(order.payment!.refundedMinor).toBe(succeeded);
          expect(succeeded).toBeLessThanOrEqual(order.payment!.capturedMinor);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('the sweeper and card checkouts', () => {
  it('expires the Stripe session before releasing stock; settles one that was paid after all', async () => {
    const clock = fixedClock(new Date());
    const ctx = await makeCheckoutShop(db, { clock });
    const variantId = (await makeMolcajete(ctx, 5)).variants[0]!.id;
    const card = async () => {
      const { placed } = await placeTestOrder(ctx, {
        gateway,
        method: 'card',
        lines: [{ variantId, quantity: 1 }],
      });
      if (placed.next.kind !== 'redirect') throw new Error('no session');
      return { id: placed.order.id, session: placed.next.url.split('/').pop()! };
    };
    const unpaid = await card();
    const paidLate = await card();
    fake.complete(paidLate.session); // its webhook is lost
    const later = platformContext(db, {
      clock: { now: () => new Date(clock.now().getTime() + 36 * 60_000) },
    });
    const swept = await expireOrders(later, { gateway });
    expect(swept).toMatchObject({ expired: 1, paid: 1 });
    expect(fake.sessions.get(unpaid.session)!.status).toBe('expired');
    expect((await getOrder(ctx, unpaid.id)).status).toBe('expired');
    expect((await getOrder(ctx, paidLate.id)).status).toBe('paid');
    // The expiry event Stripe then sends changes nothing more.
    const expiredEvent = fake.events.filter((e) => e.type === 'checkout.session.expired').pop()!;
    const { payload, header } = fake.sign(expiredEvent);
    const r = await handleStripeWebhook(
      platformContext(db),
      { rawBody: payload, signature: header },
      { gateway },
    );
    expect(r.outcome).toBe('unchanged');
  });

  it('leaves the stock held when Stripe cannot be asked', async () => {
    const clock = fixedClock(new Date());
    const ctx = await makeCheckoutShop(db, { clock });
    const variantId = (await makeMolcajete(ctx, 5)).variants[0]!.id;
    const { placed } = await placeTestOrder(ctx, {
      gateway,
      method: 'card',
      lines: [{ variantId, quantity: 1 }],
    });
    fake.failNext(50, 503);
    const later = platformContext(db, {
      clock: { now: () => new Date(clock.now().getTime() + 36 * 60_000) },
    });
    const swept = await expireOrders(later, { gateway });
    fake.failNext(0);
    expect(swept.skipped).toBeGreaterThanOrEqual(1);
    expect((await getOrder(ctx, placed.order.id)).status).toBe('pending_payment');
  });
});
