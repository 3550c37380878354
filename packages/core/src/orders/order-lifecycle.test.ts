import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contextAs } from '../../test/support/catalog-factories.js';
import {
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { fixedClock } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { variants } from '../schema/catalog.js';
import { inventoryReservations } from '../schema/orders.js';
import { outbox } from '../schema/platform.js';
import { platformContext, type ShopContext } from '../tenancy/context.js';
import { cancelOrder } from './cancel-order.js';
import { confirmManualPayment } from './confirm-manual-payment.js';
import { expireOrders } from './expire-orders.js';
import { markOrderDelivered, shipOrder } from './fulfil-order.js';
import { getOrder, getOrderByStatusToken } from './get-order.js';
import { listOrders } from './list-orders.js';
import { refundOrder } from './refund-order.js';

const db = await makeTestDb();
const gateway = testGateway();
const deps = { gateway };

async function manualOrder(ctx: ShopContext, quantity = 1, stock = 7) {
  const p = await makeMolcajete(ctx, stock);
  const variantId = p.variants[0]!.id;
  const { placed } = await placeTestOrder(ctx, { gateway, lines: [{ variantId, quantity }] });
  return { variantId, orderId: placed.order.id, token: placed.order.statusToken };
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

async function emailsOf(ctx: ShopContext) {
  const rows = await db.read
    .select({ kind: outbox.kind })
    .from(outbox)
    .where(eq(outbox.shopId, ctx.shop.id));
  return rows.map((r) => r.kind).sort();
}

describe('order lifecycle', () => {
  it('seller confirms a bank transfer, ships, delivers; the buyer is told each time', async () => {
    const ctx = await makeCheckoutShop(db);
    const { orderId, variantId } = await manualOrder(ctx, 2);
    const owner = await contextAs(ctx, 'owner');
    const confirmed = await confirmManualPayment(owner, orderId);
    expect(confirmed.outcome).toBe('paid');
    expect(confirmed.order.status).toBe('paid');
    expect(confirmed.order.payment).toMatchObject({
      status: 'succeeded',
      capturedMinor: confirmed.order.totalMinor,
    });
    expect(await stockOf(ctx, variantId)).toEqual({ onHand: 5, reserved: 0, sold: 2 });
    // Confirming again changes nothing and sends nothing more.
    expect((await confirmManualPayment(owner, orderId)).outcome).toBe('already_paid');

    const shipped = await shipOrder(owner, orderId, {
      carrier: 'DHL',
      trackingNumber: 'JD0146000',
      trackingUrl: 'https://www.dhl.com/track?id=JD0146000',
    });
    expect(shipped).toMatchObject({ status: 'shipped', carrier: 'DHL' });
    expect((await markOrderDelivered(owner, orderId)).status).toBe('delivered');
    expect(await emailsOf(ctx)).toEqual([
      'order.confirmed',
      'order.new',
      'order.received',
      'order.shipped',
    ]);
  });

  it('the village trainer may confirm; staff may not refund; a buyer or stranger sees nothing', async () => {
    const ctx = await makeCheckoutShop(db);
    const { orderId } = await manualOrder(ctx);
    const trainer = await contextAs(ctx, 'trainer');
    expect((await confirmManualPayment(trainer, orderId)).outcome).toBe('paid');
    const staff = await contextAs(ctx, 'staff');
    await expect(refundOrder(staff, orderId, {}, deps)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const role of ['buyer', 'none'] as const) {
      const other = await contextAs(ctx, role);
      await expect(getOrder(other, orderId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(confirmManualPayment(other, orderId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });

  it('shop B cannot see or change shop A’s orders', async () => {
    const a = await makeCheckoutShop(db);
    const b = await makeCheckoutShop(db);
    const { orderId, token } = await manualOrder(a);
    await expect(getOrder(b, orderId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOrderByStatusToken(b, token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(confirmManualPayment(b, orderId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      shipOrder(b, orderId, { carrier: 'x', trackingNumber: 'y' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(cancelOrder(b, orderId, {}, deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(refundOrder(b, orderId, {}, deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listOrders(b)).items).toEqual([]);
    expect((await listOrders(a)).items.map((o) => o.id)).toEqual([orderId]);
    expect((await getOrderByStatusToken(a, token)).id).toBe(orderId);
  });

  it('only legal transitions: an unpaid order cannot ship, a delivered one cannot be cancelled', async () => {
    const ctx = await makeCheckoutShop(db);
    const { orderId } = await manualOrder(ctx);
    await expect(
      shipOrder(ctx, orderId, { carrier: 'DHL', trackingNumber: '1' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(markOrderDelivered(ctx, orderId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await confirmManualPayment(ctx, orderId);
    await shipOrder(ctx, orderId, { carrier: 'DHL', trackingNumber: '1' });
    await markOrderDelivered(ctx, orderId);
    await expect(cancelOrder(ctx, orderId, {}, deps)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('cancelling an unpaid order releases its stock; a paid one is refunded and restocked', async () => {
    const ctx = await makeCheckoutShop(db);
    const unpaid = await manualOrder(ctx, 2);
    const cancelled = await cancelOrder(ctx, unpaid.orderId, { reason: 'buyer asked' }, deps);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'buyer asked' });
    expect(await stockOf(ctx, unpaid.variantId)).toEqual({ onHand: 7, reserved: 0, sold: 0 });

    const paid = await manualOrder(ctx, 3);
    await confirmManualPayment(ctx, paid.orderId);
    const done = await cancelOrder(ctx, paid.orderId, { reason: 'cracked in the kiln' }, deps);
    expect(done.status).toBe('cancelled');
    expect(done.payment?.refundedMinor).toBe(done.totalMinor);
    expect(done.refunds).toHaveLength(1);
    expect(await stockOf(ctx, paid.variantId)).toEqual({ onHand: 7, reserved: 0, sold: 0 });
    const reservations = await db.read
      .select({ status: inventoryReservations.status })
      .from(inventoryReservations)
      .where(eq(inventoryReservations.orderId, paid.orderId));
    expect(reservations).toEqual([{ status: 'released' }]);
  });

  it('refunds partly and fully, in the captured amounts, never more than captured', async () => {
    const ctx = await makeCheckoutShop(db);
    const { orderId } = await manualOrder(ctx);
    await expect(refundOrder(ctx, orderId, { amountMinor: 100 }, deps)).rejects.toMatchObject({
      code: 'CONFLICT', // nothing captured yet
    });
    const { order } = await confirmManualPayment(ctx, orderId);
    const first = await refundOrder(ctx, orderId, { amountMinor: 1000, reason: 'chip' }, deps);
    expect(first.refund).toMatchObject({ amountMinor: 1000, currency: 'EUR', status: 'succeeded' });
    await expect(
      refundOrder(ctx, orderId, { amountMinor: order.totalMinor }, deps),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'amountMinor' }] });
    const rest = await refundOrder(ctx, orderId, {}, deps);
    expect(rest.refund.amountMinor).toBe(order.totalMinor - 1000);
    expect(rest.order.payment?.refundedMinor).toBe(order.totalMinor);
    await expect(refundOrder(ctx, orderId, { amountMinor: 1 }, deps)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('concurrent refunds never exceed what was captured', async () => {
    const ctx = await makeCheckoutShop(db);
    const { orderId } = await manualOrder(ctx);
    const { order } = await confirmManualPayment(ctx, orderId);
    const part = Math.ceil(order.totalMinor / 3);
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, () => refundOrder(ctx, orderId, { amountMinor: part }, deps)),
    );
    const ok = tries.filter((t) => t.status === 'fulfilled').length;
    expect(ok).toBe(Math.floor(order.totalMinor / part));
    const after = await getOrder(ctx, orderId);
    expect(after.payment!.refundedMinor).toBeLessThanOrEqual(after.payment!.capturedMinor);
  });

  it('the sweeper expires unpaid orders after their hold and releases the stock', async () => {
    const clock = fixedClock();
    const ctx = await makeCheckoutShop(db, { clock });
    const { orderId, variantId } = await manualOrder(ctx, 2);
    const platform = platformContext(db, { clock });
    const early = await expireOrders(platform, { gateway });
    expect(early.expired).toBe(0);
    clock.advance(121 * 3_600_000); // past the 120 h default for manual methods
    const swept = await expireOrders(platform, { gateway });
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect((await getOrder(ctx, orderId)).status).toBe('expired');
    expect(await stockOf(ctx, variantId)).toEqual({ onHand: 7, reserved: 0, sold: 0 });
    expect(await emailsOf(ctx)).toContain('order.expired');
    // A transfer confirmed late still counts when the stock is there: the order comes back.
    expect((await confirmManualPayment(ctx, orderId)).outcome).toBe('revived');
    expect(await stockOf(ctx, variantId)).toEqual({ onHand: 5, reserved: 0, sold: 2 });
  });

  it('validates shipping input', async () => {
    const ctx = await makeCheckoutShop(db);
    const { orderId } = await manualOrder(ctx);
    await confirmManualPayment(ctx, orderId);
    await expect(
      shipOrder(ctx, orderId, { carrier: '<script>', trackingNumber: '1' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      shipOrder(ctx, orderId, {
        carrier: 'DHL',
        trackingNumber: '1',
        trackingUrl: 'javascript:alert(1)',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await getOrder(ctx, orderId)).status).toBe('paid');
  });
});
