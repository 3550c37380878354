import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAs } from '../../test/support/catalog-factories.js';
import {
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { fixedClock } from '../../test/support/factories.js';
import { type FakeStripe, startFakeStripe } from '../../test/support/stripe-fake/server.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { memoryStorage } from '../media/memory-storage.js';
import { uploadPaymentReceipt } from '../payments/upload-receipt.js';
import { platformContext, type ShopContext } from '../tenancy/context.js';
import { confirmManualPayment } from './confirm-manual-payment.js';
import { expireOrders } from './expire-orders.js';
import { shipOrder } from './fulfil-order.js';
import { listOrdersToHandle } from './orders-to-handle.js';

const db = await makeTestDb();
let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe({ deliver: 'manually' });
});
afterAll(() => fake.close());

async function order(ctx: ShopContext, variantId: string, method = 'bank_transfer') {
  const gateway = testGateway(fake);
  const { placed } = await placeTestOrder(ctx, {
    gateway,
    method,
    lines: [{ variantId, quantity: 1 }],
  });
  return placed.order;
}

describe('listOrdersToHandle', () => {
  it('lists payments to confirm, orders to ship and flagged ones, with their counts', async () => {
    const clock = fixedClock();
    const ctx = await makeCheckoutShop(db, { clock });
    const variantId = (await makeMolcajete(ctx, 20)).variants[0]!.id;
    const transfer = await order(ctx, variantId);
    const withReceipt = await order(ctx, variantId);
    const card = await order(ctx, variantId, 'card');
    const paid = await order(ctx, variantId);
    const shipped = await order(ctx, variantId);
    await confirmManualPayment(ctx, paid.id);
    await confirmManualPayment(ctx, shipped.id);
    await shipOrder(ctx, shipped.id, { carrier: 'Estafeta', trackingNumber: 'EST1' });
    const receipt = await sharp({
      create: { width: 32, height: 32, channels: 3, background: '#eee' },
    })
      .jpeg()
      .toBuffer();
    const upload = await uploadPaymentReceipt(ctx, withReceipt.statusToken, {
      bytes: receipt,
      storage: memoryStorage(),
    });
    expect(upload.ok).toBe(true);

    const todo = await listOrdersToHandle(ctx);
    // The one with a receipt first; the card order waits on Stripe, not on the seller.
    expect(todo.confirmPayment.map((o) => o.id)).toEqual([withReceipt.id, transfer.id]);
    expect(todo.confirmPayment.map((o) => o.hasReceipt)).toEqual([true, false]);
    expect(todo.confirmPayment.map((o) => o.id)).not.toContain(card.id);
    expect(todo.ship.map((o) => o.id)).toEqual([paid.id]);
    expect(todo.ship[0]).toMatchObject({ itemCount: 1, overdue: false, status: 'paid' });
    expect(todo.attention).toEqual([]);
    expect(todo.counts).toEqual({ confirmPayment: 2, ship: 1, attention: 0, overdue: 0 });

    clock.advance(30 * 24 * 3_600_000);
    const later = await listOrdersToHandle(ctx);
    expect(later.ship[0]!.overdue).toBe(true);
    expect(later.counts.overdue).toBe(1);
  });

  it('flags a late transfer for an order whose stock went to someone else', async () => {
    const clock = fixedClock();
    const ctx = await makeCheckoutShop(db, { clock });
    const variantId = (await makeMolcajete(ctx, 1)).variants[0]!.id;
    const late = await order(ctx, variantId);
    clock.advance(121 * 3_600_000);
    await expireOrders(platformContext(db, { clock }), { gateway: testGateway() });
    await order(ctx, variantId); // the last one, sold again
    expect((await confirmManualPayment(ctx, late.id)).outcome).toBe('needs_refund');
    const todo = await listOrdersToHandle(ctx);
    expect(todo.attention.map((o) => [o.id, o.attention])).toEqual([
      [late.id, 'payment_needs_refund'],
    ]);
    expect(todo.counts.attention).toBe(1);
  });

  it('stops each list at the limit but counts everything', async () => {
    const ctx = await makeCheckoutShop(db);
    const variantId = (await makeMolcajete(ctx, 10)).variants[0]!.id;
    for (let i = 0; i < 3; i++) await order(ctx, variantId);
    const todo = await listOrdersToHandle(ctx, { limit: 2 });
    expect(todo.confirmPayment).toHaveLength(2);
    expect(todo.counts.confirmPayment).toBe(3);
    await expect(listOrdersToHandle(ctx, { limit: 0 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('shop B cannot see shop A’s orders; a stranger is refused', async () => {
    const a = await makeCheckoutShop(db);
    const b = await makeCheckoutShop(db);
    await order(a, (await makeMolcajete(a)).variants[0]!.id);
    const todo = await listOrdersToHandle(b);
    expect(todo.confirmPayment).toEqual([]);
    expect(todo.counts).toEqual({ confirmPayment: 0, ship: 0, attention: 0, overdue: 0 });
    const stranger = await contextAs(a, 'none');
    await expect(listOrdersToHandle(stranger)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const staff = await contextAs(a, 'staff');
    expect((await listOrdersToHandle(staff)).counts.confirmPayment).toBe(1);
  });
});
