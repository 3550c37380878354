import { and, asc, eq, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import { orderLines, orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import type { OrderSummary } from './list-orders.js';

/** How many orders of each kind {@link listOrdersToHandle} returns (the counts are always whole). */
export const OrdersToHandleInput = z.object({
  limit: z.number().int().min(1).max(50).default(20),
});
export type OrdersToHandleInput = z.input<typeof OrdersToHandleInput>;

/** An order waiting for the seller. */
export interface OrderTask extends OrderSummary {
  /** The buyer uploaded a photo of their transfer receipt. */
  hasReceipt: boolean;
  /** Paid and its ship-by date has passed. */
  overdue: boolean;
}

/** What the seller should do next, most urgent first in each group. */
export interface OrdersToHandle {
  /** Bank transfer, cash or co-op payments to confirm: the hold that ends first comes first. */
  confirmPayment: OrderTask[];
  /** Paid orders to ship: the earliest ship-by date first. */
  ship: OrderTask[];
  /** Orders a person must look at (a payment that arrived after the order expired: refund it). */
  attention: OrderTask[];
  /** Totals of each group (the lists stop at `limit`); `overdue` counts paid orders past ship-by. */
  counts: { confirmPayment: number; ship: number; attention: number; overdue: number };
}

const awaitingManual = and(eq(orders.status, 'pending_payment'), ne(orders.paymentMethod, 'card'));
const toShip = eq(orders.status, 'paid');
const flagged = isNotNull(orders.attention);

/**
 * The seller's "what to do next": manual payments to confirm (with whether a
 * receipt photo came), paid orders to ship (overdue ones flagged) and orders
 * flagged for a person, plus the count of each for the dashboard. Card orders
 * waiting on Stripe need nothing from the seller and are not listed. Six
 * statements whatever the shop's size. Needs `shop.read`.
 */
export async function listOrdersToHandle(
  ctx: ShopContext,
  raw: OrdersToHandleInput = {},
): Promise<OrdersToHandle> {
  authorize(ctx, 'shop.read');
  const { limit } = parseInput(OrdersToHandleInput, raw);
  const db = ctx.db.read;
  const now = ctx.clock.now().getTime();
  const mine = eq(orders.shopId, ctx.shop.id);
  const count = (when: SQL) => sql<number>`coalesce(sum(case when ${when} then 1 else 0 end), 0)`;

  const [counts] = await db
    .select({
      confirmPayment: count(awaitingManual!),
      ship: count(toShip),
      attention: count(flagged),
      overdue: count(sql`${orders.status} = 'paid' and ${orders.shipBy} < ${now}`),
    })
    .from(orders)
    .where(and(mine, or(awaitingManual, toShip, flagged)));

  const page = (where: SQL | undefined, order: SQL) =>
    db
      .select()
      .from(orders)
      .where(and(mine, where))
      .orderBy(order, asc(orders.number))
      .limit(limit);
  const [confirm, ship, attention] = await Promise.all([
    page(awaitingManual, asc(orders.reservedUntil)),
    page(toShip, asc(orders.shipBy)),
    page(flagged, asc(orders.createdAt)),
  ]);

  const ids = [...new Set([...confirm, ...ship, ...attention].map((o) => o.id))];
  const items = new Map<string, number>();
  const receipts = new Set<string>();
  if (ids.length > 0) {
    const lines = await db
      .select({ orderId: orderLines.orderId, quantity: orderLines.quantity })
      .from(orderLines)
      .where(and(eq(orderLines.shopId, ctx.shop.id), inArray(orderLines.orderId, ids)));
    for (const l of lines) items.set(l.orderId, (items.get(l.orderId) ?? 0) + l.quantity);
    const withReceipt = await db
      .select({ orderId: payments.orderId })
      .from(payments)
      .where(
        and(
          eq(payments.shopId, ctx.shop.id),
          inArray(payments.orderId, ids),
          isNotNull(payments.receiptMediaId),
        ),
      );
    for (const p of withReceipt) receipts.add(p.orderId);
  }

  const task = (o: typeof orders.$inferSelect): OrderTask => ({
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    buyerName: o.shippingAddress.name,
    country: o.country,
    currency: o.currency,
    totalMinor: o.totalMinor,
    paymentMethod: o.paymentMethod,
    itemCount: items.get(o.id) ?? 0,
    shipBy: o.shipBy,
    attention: o.attention,
    createdAt: o.createdAt,
    hasReceipt: receipts.has(o.id),
    overdue: o.status === 'paid' && o.shipBy.getTime() < now,
  });
  return {
    // A receipt to look at first: the seller can act on it right away.
    confirmPayment: confirm.map(task).sort((a, b) => Number(b.hasReceipt) - Number(a.hasReceipt)),
    ship: ship.map(task),
    attention: attention.map(task),
    counts: {
      confirmPayment: Number(counts?.confirmPayment ?? 0),
      ship: Number(counts?.ship ?? 0),
      attention: Number(counts?.attention ?? 0),
      overdue: Number(counts?.overdue ?? 0),
    },
  };
}
