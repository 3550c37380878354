import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Money } from '../money/money.js';
import { orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import { loadOrderRows, setReservations } from './load-order-rows.js';
import { sendOrderEmail } from './order-emails.js';
import { OutOfStockSignal, sellStock, takeStock } from './stock.js';

/** What settling a payment did (for the webhook log and tests). */
export type SettleOutcome =
  | 'paid'
  | 'revived' // a late payment for an expired order, and the stock was still there
  | 'already_paid'
  | 'needs_refund' // money arrived for an order that can no longer be fulfilled
  | 'amount_mismatch'
  | 'unknown_payment';

/** A provider or a person says this payment's money arrived. */
export interface SettleInput {
  shop: { id: string; slug: string };
  paymentId: string;
  captured: Money;
  providerPaymentId?: string | null;
  confirmedByUserId?: string | null;
  now: Date;
}

/**
 * Records captured money on a payment and moves its order to paid, inside the
 * caller's transaction: reserved stock becomes sold, the buyer's confirmation
 * and the seller's new-order email are enqueued. Idempotent: settling a
 * succeeded payment again changes nothing. Correct in any order: a payment that
 * arrives after the order expired takes the stock again if it is still there
 * (`revived`), otherwise the order stays expired and is flagged for a refund —
 * never oversold, never lost.
 */
export async function settlePayment(tx: Db, input: SettleInput): Promise<SettleOutcome> {
  const { shop, now } = input;
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.shopId, shop.id), eq(payments.id, input.paymentId)));
  if (!payment) return 'unknown_payment';
  if (payment.status === 'succeeded') return 'already_paid';
  if (
    input.captured.currency !== payment.currency ||
    input.captured.amountMinor !== payment.amountMinor
  ) {
    return 'amount_mismatch';
  }
  const rows = await loadOrderRows(tx, shop.id, payment.orderId);
  if (!rows) return 'unknown_payment';
  const { order, lines } = rows;

  await tx
    .update(payments)
    .set({
      status: 'succeeded',
      capturedMinor: input.captured.amountMinor,
      providerPaymentId: input.providerPaymentId ?? payment.providerPaymentId,
      confirmedByUserId: input.confirmedByUserId ?? null,
      succeededAt: now,
      updatedAt: now,
    })
    .where(and(eq(payments.shopId, shop.id), eq(payments.id, payment.id)));

  const stockLines = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
  let outcome: SettleOutcome;
  if (order.status === 'pending_payment') {
    await sellStock(tx, shop.id, stockLines);
    await setReservations(tx, shop.id, order.id, 'held', 'sold', now);
    outcome = 'paid';
  } else if (order.status === 'expired') {
    try {
      await takeStock(tx, shop.id, stockLines); // all lines or none
      await setReservations(tx, shop.id, order.id, 'released', 'sold', now);
      outcome = 'revived';
    } catch (err) {
      if (!(err instanceof OutOfStockSignal)) throw err;
      outcome = 'needs_refund';
    }
  } else {
    // Cancelled, or already paid through another payment: keep the money visible.
    outcome = 'needs_refund';
  }

  if (outcome === 'needs_refund') {
    const [flagged] = await tx
      .update(orders)
      .set({ attention: 'payment_needs_refund', updatedAt: now })
      .where(and(eq(orders.shopId, shop.id), eq(orders.id, order.id)))
      .returning();
    await sendOrderEmail(tx, now, 'order.attention', flagged!, lines, shop.slug);
    return outcome;
  }
  const [paid] = await tx
    .update(orders)
    .set({ status: 'paid', paidAt: now, expiredAt: null, updatedAt: now })
    .where(and(eq(orders.shopId, shop.id), eq(orders.id, order.id)))
    .returning();
  await sendOrderEmail(tx, now, 'order.confirmed', paid!, lines, shop.slug);
  await sendOrderEmail(tx, now, 'order.new', paid!, lines, shop.slug);
  return outcome;
}
