import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import { loadOrderRows, setReservations } from './load-order-rows.js';
import { sendOrderEmail } from './order-emails.js';
import { releaseStock } from './stock.js';

/**
 * Ends an unpaid order inside the caller's transaction: `pending_payment →
 * expired | cancelled` by a conditional update (so a payment settled a moment
 * earlier wins), held stock back on hand, the open payment closed, the buyer
 * told. Returns false when the order was no longer awaiting payment.
 */
export async function closeUnpaidOrder(
  tx: Db,
  input: {
    shop: { id: string; slug: string };
    orderId: string;
    to: 'expired' | 'cancelled';
    reason?: string;
    now: Date;
  },
): Promise<boolean> {
  const { shop, orderId, to, now } = input;
  const [closed] = await tx
    .update(orders)
    .set({
      status: to,
      ...(to === 'expired' ? { expiredAt: now } : { cancelledAt: now }),
      cancelReason: input.reason ?? null,
      updatedAt: now,
    })
    .where(
      and(eq(orders.shopId, shop.id), eq(orders.id, orderId), eq(orders.status, 'pending_payment')),
    )
    .returning({ id: orders.id });
  if (!closed) return false;
  const rows = (await loadOrderRows(tx, shop.id, orderId))!;
  const held = rows.reservations.filter((r) => r.status === 'held');
  await releaseStock(tx, shop.id, held);
  await setReservations(tx, shop.id, orderId, 'held', 'released', now);
  await tx
    .update(payments)
    .set({ status: 'expired', updatedAt: now })
    .where(
      and(
        eq(payments.shopId, shop.id),
        eq(payments.orderId, orderId),
        inArray(payments.status, ['pending', 'processing']),
      ),
    );
  await sendOrderEmail(
    tx,
    now,
    to === 'expired' ? 'order.expired' : 'order.cancelled',
    rows.order,
    rows.lines,
    shop.slug,
  );
  return true;
}
