import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  BELGIAN_BUYER,
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  reviewedCheckout,
  TEST_LINKS,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { getOrder } from '../orders/get-order.js';
import { variants } from '../schema/catalog.js';
import { orders } from '../schema/orders.js';
import { outbox } from '../schema/platform.js';
import { placeOrder } from './place-order.js';

const db = await makeTestDb();
const gateway = testGateway();

async function stockOf(shopId: string, variantId: string) {
  const [v] = await db.read
    .select({
      onHand: variants.stockOnHand,
      reserved: variants.stockReserved,
      sold: variants.stockSold,
    })
    .from(variants)
    .where(and(eq(variants.shopId, shopId), eq(variants.id, variantId)));
  return v!;
}

describe('placeOrder', () => {
  it('places a bank-transfer order: numbered, lines snapshotted, stock reserved, emails queued', async () => {
    const ctx = await makeCheckoutShop(db);
    const product = await makeMolcajete(ctx, 3);
    const variantId = product.variants[0]!.id;
    const { review, placed } = await placeTestOrder(ctx, {
      gateway,
      lines: [{ variantId, quantity: 2 }],
    });
    expect(review.totals.currency).toBe('EUR');
    // 1,200 MXN × 0.05 = 60 EUR, rounded by the default EUR rule.
    expect(review.totals.subtotalMinor).toBe(review.lines[0]!.total.amountMinor);
    expect(review.totals.totalMinor).toBe(
      review.totals.subtotalMinor + review.totals.shippingMinor + review.totals.taxMinor,
    );
    expect(review.dutiesNotice).toContain('import duties');
    expect(placed.next).toEqual({ kind: 'instructions' });
    expect(placed.order.number).toBe(1001);
    expect(placed.order.paymentReference).toMatch(/^1001-[A-Z0-9]{4}$/);

    const order = await getOrder(ctx, placed.order.id);
    expect(order.status).toBe('pending_payment');
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]).toMatchObject({ sku: product.variants[0]!.sku, quantity: 2 });
    expect(order.international).toBe(true);
    expect(order.weightGrams).toBe(8000);
    expect(order.shipping.name).toBe('Heavy parcel');
    expect(await stockOf(ctx.shop.id, variantId)).toEqual({ onHand: 1, reserved: 2, sold: 0 });

    const mails = await db.read.select().from(outbox).where(eq(outbox.shopId, ctx.shop.id));
    expect(mails.map((m) => m.kind).sort()).toEqual(['order.new', 'order.received']);
  });

  it('places an order paid in the shop’s own currency (no conversion, no FX time)', async () => {
    const ctx = await makeCheckoutShop(db);
    const product = await makeMolcajete(ctx, 3);
    const { placed } = await placeTestOrder(ctx, {
      gateway,
      currency: ctx.shop.baseCurrency,
      lines: [{ variantId: product.variants[0]!.id, quantity: 1 }],
    });
    const order = await getOrder(ctx, placed.order.id);
    expect(order.currency).toBe(ctx.shop.baseCurrency);
    expect(order.status).toBe('pending_payment');
    const [row] = await db.read.select().from(orders).where(eq(orders.id, placed.order.id));
    expect(row!.fxAsOf).toBeNull();
  });

  it('numbers orders per shop', async () => {
    const a = await makeCheckoutShop(db);
    const b = await makeCheckoutShop(db);
    const pa = await makeMolcajete(a);
    const pb = await makeMolcajete(b);
    const lines = (p: typeof pa) => [{ variantId: p.variants[0]!.id, quantity: 1 }];
    const a1 = await placeTestOrder(a, { gateway, lines: lines(pa) });
    const a2 = await placeTestOrder(a, { gateway, lines: lines(pa) });
    const b1 = await placeTestOrder(b, { gateway, lines: lines(pb) });
    expect([a1.placed.order.number, a2.placed.order.number, b1.placed.order.number]).toEqual([
      1001, 1002, 1001,
    ]);
  });

  it('refuses a tampered total or currency and writes nothing', async () => {
    const ctx = await makeCheckoutShop(db);
    const p = await makeMolcajete(ctx);
    const { token, review } = await reviewedCheckout(ctx, {
      gateway,
      lines: [{ variantId: p.variants[0]!.id, quantity: 1 }],
    });
    const deps = { gateway, links: TEST_LINKS };
    const good = { quoteId: review.quoteId, totalMinor: review.totals.totalMinor, currency: 'EUR' };
    await expect(placeOrder(ctx, token, { ...good, totalMinor: 1 }, deps)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'totalMinor' }],
    });
    await expect(placeOrder(ctx, token, { ...good, currency: 'USD' }, deps)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'currency' }],
    });
    await expect(
      placeOrder(ctx, token, { ...good, quoteId: 'quo_other' }, deps),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const none = await db.read.select().from(orders).where(eq(orders.shopId, ctx.shop.id));
    expect(none).toEqual([]);
    expect(await stockOf(ctx.shop.id, p.variants[0]!.id)).toEqual({
      onHand: 7,
      reserved: 0,
      sold: 0,
    });
  });

  it('places once: a second submit says it is already placed', async () => {
    const ctx = await makeCheckoutShop(db);
    const p = await makeMolcajete(ctx);
    const { token, review } = await reviewedCheckout(ctx, {
      gateway,
      lines: [{ variantId: p.variants[0]!.id, quantity: 1 }],
    });
    const input = {
      quoteId: review.quoteId,
      totalMinor: review.totals.totalMinor,
      currency: 'EUR',
    };
    const deps = { gateway, links: TEST_LINKS };
    const [first, second] = await Promise.all([
      placeOrder(ctx, token, input, deps),
      placeOrder(ctx, token, input, deps),
    ]);
    const results = [first, second].map((r) => (r.ok ? 'placed' : r.reason)).sort();
    expect(results).toEqual(['ALREADY_PLACED', 'placed']);
    expect(await stockOf(ctx.shop.id, p.variants[0]!.id)).toMatchObject({ onHand: 6, reserved: 1 });
  });

  it('says out of stock and rolls back every line', async () => {
    const ctx = await makeCheckoutShop(db);
    const plenty = await makeMolcajete(ctx, 5);
    const scarce = await makeMolcajete(ctx, 1);
    const { token, review } = await reviewedCheckout(ctx, {
      gateway,
      lines: [
        { variantId: plenty.variants[0]!.id, quantity: 2 },
        { variantId: scarce.variants[0]!.id, quantity: 2 },
      ],
    });
    const r = await placeOrder(
      ctx,
      token,
      { quoteId: review.quoteId, totalMinor: review.totals.totalMinor, currency: 'EUR' },
      { gateway, links: TEST_LINKS },
    );
    expect(r).toEqual({ ok: false, reason: 'OUT_OF_STOCK', variantIds: [scarce.variants[0]!.id] });
    expect(await stockOf(ctx.shop.id, plenty.variants[0]!.id)).toEqual({
      onHand: 5,
      reserved: 0,
      sold: 0,
    });
    const none = await db.read.select().from(orders).where(eq(orders.shopId, ctx.shop.id));
    expect(none).toEqual([]);
  });

  it('sends the buyer back to review when the quote ran out', async () => {
    const { fixedClock } = await import('../../test/support/factories.js');
    const clock = fixedClock();
    const ctx = await makeCheckoutShop(db, { clock });
    const p = await makeMolcajete(ctx);
    const { token, review } = await reviewedCheckout(ctx, {
      gateway,
      lines: [{ variantId: p.variants[0]!.id, quantity: 1 }],
      address: BELGIAN_BUYER,
    });
    clock.advance(31 * 60_000);
    const r = await placeOrder(
      ctx,
      token,
      { quoteId: review.quoteId, totalMinor: review.totals.totalMinor, currency: 'EUR' },
      { gateway, links: TEST_LINKS },
    );
    expect(r).toEqual({ ok: false, reason: 'QUOTE_EXPIRED' });
  });
});
