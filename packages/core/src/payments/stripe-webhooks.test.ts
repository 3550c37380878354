import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  testGateway,
} from '../../test/support/checkout-factories.js';
import {
  type FakeStripe,
  type StripeEvent,
  startFakeStripe,
} from '../../test/support/stripe-fake/server.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { getOrder } from '../orders/get-order.js';
import { refundOrder } from '../orders/refund-order.js';
import { variants } from '../schema/catalog.js';
import { webhookEvents } from '../schema/payments.js';
import { outbox } from '../schema/platform.js';
import { platformContext, type ShopContext } from '../tenancy/context.js';
import { handleStripeWebhook } from './handle-stripe-webhook.js';
import type { PaymentGateway } from './provider.js';
import { reconcilePayments } from './reconcile-payments.js';

const db = await makeTestDb();
let fake: FakeStripe;
let gateway: PaymentGateway;
const platform = platformContext(db);

beforeAll(async () => {
  fake = await startFakeStripe({ deliver: 'manually' });
  gateway = testGateway(fake);
});
afterAll(() => fake.close());

function deliver(event: StripeEvent, opts?: { timestamp?: number; secret?: string }) {
  const { payload, header } = fake.sign(event, opts);
  return handleStripeWebhook(platform, { rawBody: payload, signature: header }, { gateway });
}

async function cardOrder(ctx: ShopContext, stock = 7) {
  const p = await makeMolcajete(ctx, stock);
  const variantId = p.variants[0]!.id;
  const { placed } = await placeTestOrder(ctx, {
    gateway,
    method: 'card',
    lines: [{ variantId, quantity: 1 }],
  });
  if (placed.next.kind !== 'redirect') throw new Error(`no redirect: ${JSON.stringify(placed)}`);
  const sessionId = placed.next.url.split('/').pop()!;
  return { variantId, orderId: placed.order.id, sessionId, placed };
}

async function stockOf(ctx: ShopContext, variantId: string) {
  const [v] = await db.read
    .select({
      onHand: variants.stockOnHand,
      reserved: variants.stockReserved,
      sold: variants.stockSold,
    })
    .from(variants)
    .where(and(eq(variants.shopId, ctx.shop.id), eq(variants.id, variantId)));
  return v!;
}

async function confirmations(orderId: string) {
  const rows = await db.read.select().from(outbox).where(eq(outbox.kind, 'order.confirmed'));
  return rows.filter((r) => (r.payload as { orderId: string }).orderId === orderId).length;
}

describe('Stripe checkout and webhooks', () => {
  it('creates the session in the order currency with an idempotency key', async () => {
    const ctx = await makeCheckoutShop(db);
    const { sessionId, placed } = await cardOrder(ctx);
    const session = fake.sessions.get(sessionId)!;
    expect(session.currency).toBe('eur');
    expect(session.amount_total).toBe(placed.order.totalMinor);
    expect(session.metadata).toMatchObject({ order_id: placed.order.id, shop_id: ctx.shop.id });
    const create = fake.requests.find(
      (r) => r.path === '/v1/checkout/sessions' && r.body.client_reference_id === placed.order.id,
    );
    expect(create?.idempotencyKey).toMatch(/^checkout-pay_/);
  });

  it('each event delivered 3× in shuffled order → one paid order, one confirmation email', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.integer({ min: 0, max: 2 ** 30 }), async (async, seed) => {
        const ctx = await makeCheckoutShop(db);
        const { sessionId, orderId, variantId } = await cardOrder(ctx);
        // A card payment is one event; a bank debit two (completed unpaid, then succeeded).
        const events = fake.complete(sessionId, { async });
        if (async) events.push(fake.settleAsync(sessionId, true));
        const deliveries = [...events, ...events, ...events];
        const [shuffled] = fc.sample(
          fc.shuffledSubarray(deliveries, { minLength: deliveries.length }),
          { seed, numRuns: 1 },
        );
        const results = [];
        for (const e of shuffled!) results.push(await deliver(e));
        expect(results.filter((r) => r.status === 'processed')).toHaveLength(events.length);
        expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(2 * events.length);
        expect((await getOrder(ctx, orderId)).status).toBe('paid');
        expect(await confirmations(orderId)).toBe(1);
        expect(await stockOf(ctx, variantId)).toEqual({ onHand: 6, reserved: 0, sold: 1 });
      }),
      { numRuns: 8 },
    );
  });

  it('concurrent duplicate deliveries still settle once', async () => {
    const ctx = await makeCheckoutShop(db);
    const { sessionId, orderId } = await cardOrder(ctx);
    const [event] = fake.complete(sessionId);
    const results = await Promise.all([deliver(event!), deliver(event!), deliver(event!)]);
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'duplicate', 'processed']);
    expect(await confirmations(orderId)).toBe(1);
  });

  it('expired after paid changes nothing; completed after expired revives the order', async () => {
    const ctx = await makeCheckoutShop(db);
    const a = await cardOrder(ctx);
    const [completed] = fake.complete(a.sessionId);
    const expiredEvent = {
      ...completed!,
      id: `evt_x_${a.sessionId}`,
      type: 'checkout.session.expired',
    };
    await deliver(completed!);
    const r = await deliver({
      ...expiredEvent,
      data: { object: { ...completed!.data.object, status: 'expired' } },
    });
    expect(r.outcome).toBe('unchanged');
    expect((await getOrder(ctx, a.orderId)).status).toBe('paid');

    const b = await cardOrder(ctx);
    const expired = fake.expire(b.sessionId);
    expect((await deliver(expired)).outcome).toBe('expired');
    expect((await getOrder(ctx, b.orderId)).status).toBe('expired');
    expect(await stockOf(ctx, b.variantId)).toEqual({ onHand: 7, reserved: 0, sold: 0 });
    // A completion arriving afterwards (out of order): the stock is still there, so it is revived.
    fake.sessions.get(b.sessionId)!.status = 'open';
    const [late] = fake.complete(b.sessionId);
    expect((await deliver(late!)).outcome).toBe('revived');
    expect((await getOrder(ctx, b.orderId)).status).toBe('paid');
    expect(await stockOf(ctx, b.variantId)).toEqual({ onHand: 6, reserved: 0, sold: 1 });
  });

  it('a late payment for stock that is gone flags the order for a refund instead of overselling', async () => {
    const ctx = await makeCheckoutShop(db);
    const a = await cardOrder(ctx, 1);
    await deliver(fake.expire(a.sessionId));
    // Someone else buys the last one meanwhile.
    const other = await placeTestOrder(ctx, {
      gateway,
      lines: [{ variantId: a.variantId, quantity: 1 }],
    });
    expect(other.placed.ok).toBe(true);
    fake.sessions.get(a.sessionId)!.status = 'open';
    const [late] = fake.complete(a.sessionId);
    expect((await deliver(late!)).outcome).toBe('needs_refund');
    const order = await getOrder(ctx, a.orderId);
    expect(order.status).toBe('expired');
    expect(order.attention).toBe('payment_needs_refund');
    expect(order.payment?.capturedMinor).toBe(order.totalMinor);
    expect(await stockOf(ctx, a.variantId)).toEqual({ onHand: 0, reserved: 1, sold: 0 });
  });

  it('async payments: processing first, paid on success; failure releases the stock', async () => {
    const ctx = await makeCheckoutShop(db);
    const a = await cardOrder(ctx);
    const [completed] = fake.complete(a.sessionId, { async: true });
    expect((await deliver(completed!)).outcome).toBe('processing');
    expect((await getOrder(ctx, a.orderId)).status).toBe('pending_payment');
    expect((await deliver(fake.settleAsync(a.sessionId, true))).outcome).toBe('paid');

    const b = await cardOrder(ctx);
    await deliver(fake.complete(b.sessionId, { async: true })[0]!);
    expect((await deliver(fake.settleAsync(b.sessionId, false))).outcome).toBe('failed');
    expect((await getOrder(ctx, b.orderId)).status).toBe('expired');
    expect(await stockOf(ctx, b.variantId)).toMatchObject({ reserved: 0 });
  });

  it('refuses unsigned, wrongly signed, replayed-from-last-week and unknown-session events', async () => {
    const ctx = await makeCheckoutShop(db);
    const { sessionId, orderId } = await cardOrder(ctx);
    const [event] = fake.complete(sessionId);
    const { payload } = fake.sign(event!);
    await expect(
      handleStripeWebhook(platform, { rawBody: payload, signature: undefined }, { gateway }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(deliver(event!, { secret: 'whsec_wrong' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const lastWeek = Math.floor(Date.now() / 1000) - 7 * 86_400;
    await expect(deliver(event!, { timestamp: lastWeek })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // A tampered body with a valid-looking header.
    const { header } = fake.sign(event!);
    await expect(
      handleStripeWebhook(
        platform,
        { rawBody: payload.replace('"paid"', '"unpaid"'), signature: header },
        { gateway },
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const unknown = {
      ...event!,
      id: 'evt_unknown',
      data: { object: { ...event!.data.object, id: 'cs_test_nobody', metadata: {} } },
    };
    await expect(deliver(unknown)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getOrder(ctx, orderId)).status).toBe('pending_payment');
    const recorded = await db.read
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.eventId, 'evt_unknown'));
    expect(recorded).toEqual([]);
  });

  it('reconcile settles orders whose webhook never came', async () => {
    const ctx = await makeCheckoutShop(db);
    const paid = await cardOrder(ctx);
    const expired = await cardOrder(ctx);
    const open = await cardOrder(ctx);
    fake.complete(paid.sessionId); // the webhook is lost
    fake.expire(expired.sessionId);
    const r = await reconcilePayments(platform, { gateway });
    const byOrder = new Map(r.changed.map((c) => [c.orderId, c.outcome]));
    expect(byOrder.get(paid.orderId)).toBe('paid');
    expect(byOrder.get(expired.orderId)).toBe('expired');
    expect(byOrder.has(open.orderId)).toBe(false);
    expect((await getOrder(ctx, paid.orderId)).status).toBe('paid');
    // Running it again changes nothing.
    const again = await reconcilePayments(platform, { gateway });
    expect(
      again.changed.filter((c) => [paid.orderId, expired.orderId].includes(c.orderId)),
    ).toEqual([]);
  });
});

describe('Stripe refunds', () => {
  async function paidCardOrder() {
    const ctx = await makeCheckoutShop(db);
    const o = await cardOrder(ctx);
    await deliver(fake.complete(o.sessionId)[0]!);
    const order = await getOrder(ctx, o.orderId);
    return { ctx, ...o, order };
  }

  it('refunds partly through Stripe in the captured currency, with an idempotency key', async () => {
    const { ctx, orderId, order } = await paidCardOrder();
    const { refund } = await refundOrder(
      ctx,
      orderId,
      { amountMinor: 1000, reason: 'chipped' },
      { gateway },
    );
    expect(refund).toMatchObject({ amountMinor: 1000, currency: 'EUR', status: 'succeeded' });
    const call = fake.requests.filter((r) => r.path === '/v1/refunds').pop()!;
    expect(call.idempotencyKey).toBe(`refund-${refund.id}`);
    expect(call.body).toMatchObject({ amount: '1000' });
    // Stripe's charge.refunded for our own refund does not count it twice.
    const event = fake.events.filter((e) => e.type === 'charge.refunded').pop()!;
    expect((await deliver(event)).status).toBe('processed');
    const after = await getOrder(ctx, orderId);
    expect(after.payment!.refundedMinor).toBe(1000);
    expect(after.refunds).toHaveLength(1);
    expect(order.payment!.capturedMinor).toBe(order.totalMinor);
  });

  it('records a refund made in the Stripe dashboard, once, within what was captured', async () => {
    const { ctx, orderId, order } = await paidCardOrder();
    const pi = order.payment!.provider === 'stripe' ? [...fake.paymentIntents.keys()].pop()! : '';
    const event = fake.dashboardRefund(pi, 500);
    expect((await deliver(event)).outcome).toBe('refunds synced (1 external)');
    expect((await deliver(event)).status).toBe('duplicate');
    const after = await getOrder(ctx, orderId);
    expect(after.payment!.refundedMinor).toBe(500);
    expect(after.refunds).toMatchObject([
      { amountMinor: 500, external: true, status: 'succeeded' },
    ]);
  });

  it('refuses a refund larger than what was captured without calling Stripe', async () => {
    const { ctx, orderId, order } = await paidCardOrder();
    const calls = fake.requests.length;
    await expect(
      refundOrder(ctx, orderId, { amountMinor: order.totalMinor + 1 }, { gateway }),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'amountMinor' }] });
    expect(fake.requests.length).toBe(calls);
    expect((await getOrder(ctx, orderId)).payment!.refundedMinor).toBe(0);
  });

  it('a Stripe outage fails the refund and frees the amount again', async () => {
    const { ctx, orderId, order } = await paidCardOrder();
    fake.failNext(1, 500);
    await expect(refundOrder(ctx, orderId, {}, { gateway })).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER',
    });
    const after = await getOrder(ctx, orderId);
    expect(after.payment!.refundedMinor).toBe(0);
    expect(after.refunds).toMatchObject([{ status: 'failed' }]);
    const retry = await refundOrder(ctx, orderId, {}, { gateway });
    expect(retry.refund.amountMinor).toBe(order.totalMinor);
  });
});
