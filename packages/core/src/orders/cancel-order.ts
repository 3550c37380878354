import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { AldeaError, notFound } from '../errors.js';
import type { PaymentGateway } from '../payments/provider.js';
import { orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { closeUnpaidOrder } from './close-unpaid-order.js';
import { getOrder } from './get-order.js';
import { loadOrderRows, setReservations } from './load-order-rows.js';
import { sendOrderEmail } from './order-emails.js';
import { assertTransition } from './order-status.js';
import { refundOrder } from './refund-order.js';
import { settlePayment } from './settle-payment.js';
import { restockSold } from './stock.js';
import type { OrderView } from './views.js';

/** Why the order is cancelled (shown to the seller, kept on the order). */
export const CancelOrderInput = z.object({
  reason: z
    .string()
    .trim()
    .max(500)
    .refine((s) => !/[<>]/.test(s), 'no < or >')
    .default(''),
});
export type CancelOrderInput = z.input<typeof CancelOrderInput>;

/**
 * Cancels an order and puts its stock back. An unpaid order releases its
 * reservation (a card checkout is expired at the provider first, so it cannot
 * be paid afterwards); a paid one is refunded in full through its provider
 * (needs `orders.refund` too) and its sold stock returns on hand. Shipped or
 * delivered orders cannot be cancelled. Needs `orders.manage`; audited.
 */
export async function cancelOrder(
  ctx: ShopContext,
  orderId: string,
  raw: CancelOrderInput,
  deps: { gateway: PaymentGateway },
): Promise<OrderView> {
  authorize(ctx, 'orders.manage');
  const input = parseInput(CancelOrderInput, raw);
  const shop = ctx.shop;
  const where = and(eq(orders.shopId, shop.id), eq(orders.id, orderId));
  const [order] = await ctx.db.read.select({ status: orders.status }).from(orders).where(where);
  if (!order) throw notFound('order');
  assertTransition(order.status, 'cancelled');

  if (order.status === 'pending_payment') {
    const [payment] = await ctx.db.read
      .select()
      .from(payments)
      .where(and(eq(payments.shopId, shop.id), eq(payments.orderId, orderId)))
      .orderBy(desc(payments.createdAt))
      .limit(1);
    if (payment?.provider === 'stripe' && payment.providerSessionId && deps.gateway.card) {
      const state = await deps.gateway.card.expireCheckout(payment.providerSessionId);
      if (state.status === 'complete' && state.paymentStatus !== 'paid') {
        throw new AldeaError('CONFLICT', 'a payment is being settled; cancel when it is done', [
          { path: 'status', message: 'payment in progress', code: 'payment_processing' },
        ]);
      }
      if (state.status === 'complete' && state.amount) {
        const captured = state.amount;
        await ctx.db.transaction((tx) =>
          settlePayment(tx, {
            shop,
            paymentId: payment.id,
            captured,
            providerPaymentId: state.paymentIntentId,
            now: ctx.clock.now(),
          }),
        );
      }
    }
    const closed = await ctx.db.transaction(async (tx) => {
      const done = await closeUnpaidOrder(tx, {
        shop,
        orderId,
        to: 'cancelled',
        reason: input.reason,
        now: ctx.clock.now(),
      });
      if (done) {
        await recordAudit(tx, ctx, {
          action: 'order.cancel',
          entity: 'order',
          entityId: orderId,
          data: { reason: input.reason, paid: false },
        });
      }
      return done;
    });
    if (closed) return getOrder(ctx, orderId);
    // It was paid meanwhile: cancel it as a paid order.
  }

  authorize(ctx, 'orders.refund');
  const current = await getOrder(ctx, orderId);
  assertTransition(current.status, 'cancelled');
  const left = current.payment ? current.payment.capturedMinor - current.payment.refundedMinor : 0;
  if (left > 0) {
    await refundOrder(ctx, orderId, { reason: input.reason || 'order cancelled' }, deps);
  }
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [cancelled] = await tx
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: now, cancelReason: input.reason, updatedAt: now })
      .where(and(where, eq(orders.status, 'paid')))
      .returning({ id: orders.id });
    if (!cancelled) {
      throw new AldeaError('CONFLICT', 'the order changed meanwhile; look at it again', [
        { path: 'status', message: 'the order is no longer paid', code: 'illegal_transition' },
      ]);
    }
    const rows = (await loadOrderRows(tx, shop.id, orderId))!;
    await restockSold(
      tx,
      shop.id,
      rows.reservations.filter((r) => r.status === 'sold'),
    );
    await setReservations(tx, shop.id, orderId, 'sold', 'released', now);
    await sendOrderEmail(tx, now, 'order.cancelled', rows.order, rows.lines, shop.slug);
    await recordAudit(tx, ctx, {
      action: 'order.cancel',
      entity: 'order',
      entityId: orderId,
      data: { reason: input.reason, paid: true, refundedMinor: left },
    });
  });
  return getOrder(ctx, orderId);
}
