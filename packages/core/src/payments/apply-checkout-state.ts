import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { closeUnpaidOrder } from '../orders/close-unpaid-order.js';
import { settlePayment } from '../orders/settle-payment.js';
import { orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import type { CheckoutState } from './provider.js';

type PaymentRow = typeof payments.$inferSelect;

/** What a checkout session change did to our records. */
export type CheckoutOutcome =
  | 'paid'
  | 'revived'
  | 'already_paid'
  | 'needs_refund'
  | 'amount_mismatch'
  | 'unknown_payment'
  | 'processing'
  | 'expired'
  | 'failed'
  | 'unchanged';

/**
 * Brings our payment and order in line with what the provider says about a
 * checkout session, inside the caller's transaction. Shared by the webhook
 * handler and the reconcile command, and correct whatever order the news
 * arrives in: paid is sticky (a later "expired" changes nothing), a payment
 * after expiry revives the order or flags it for a refund, and repeating the
 * same news is a no-op.
 */
export async function applyCheckoutState(
  tx: Db,
  input: {
    shop: { id: string; slug: string };
    payment: PaymentRow;
    change: 'completed' | 'async_succeeded' | 'async_failed' | 'expired' | 'observed';
    state: CheckoutState;
    now: Date;
  },
): Promise<CheckoutOutcome> {
  const { shop, payment, change, state, now } = input;
  const paid =
    (change === 'completed' || change === 'async_succeeded' || change === 'observed') &&
    state.status === 'complete' &&
    state.paymentStatus === 'paid';
  if (paid) {
    if (!state.amount) return 'amount_mismatch';
    return settlePayment(tx, {
      shop,
      paymentId: payment.id,
      captured: state.amount,
      providerPaymentId: state.paymentIntentId,
      now,
    });
  }
  const wherePayment = and(eq(payments.shopId, shop.id), eq(payments.id, payment.id));
  if (state.status === 'complete' && change !== 'async_failed') {
    // Completed but not yet paid: an async method (bank debit) is settling. Keep the stock.
    const moved = await tx
      .update(payments)
      .set({ status: 'processing', providerPaymentId: state.paymentIntentId, updatedAt: now })
      .where(and(wherePayment, eq(payments.status, 'pending')))
      .returning({ id: payments.id });
    return moved.length > 0 ? 'processing' : 'unchanged';
  }
  if (change === 'async_failed' || state.status === 'expired') {
    const failed = await tx
      .update(payments)
      .set({ status: change === 'async_failed' ? 'failed' : 'expired', updatedAt: now })
      .where(and(wherePayment, inArray(payments.status, ['pending', 'processing'])))
      .returning({ id: payments.id });
    if (failed.length === 0) return 'unchanged';
    const [order] = await tx
      .select({ status: orders.status })
      .from(orders)
      .where(and(eq(orders.shopId, shop.id), eq(orders.id, payment.orderId)));
    if (order?.status !== 'pending_payment') return 'unchanged';
    await closeUnpaidOrder(tx, { shop, orderId: payment.orderId, to: 'expired', now });
    return change === 'async_failed' ? 'failed' : 'expired';
  }
  return 'unchanged';
}
