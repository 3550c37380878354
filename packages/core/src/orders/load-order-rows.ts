import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { inventoryReservations, orderLines, orders } from '../schema/orders.js';

/** An order row with its lines and reservations, read inside a transaction. */
export async function loadOrderRows(tx: Db, shopId: string, orderId: string) {
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)));
  if (!order) return undefined;
  const lines = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.shopId, shopId), eq(orderLines.orderId, orderId)));
  const reservations = await tx
    .select()
    .from(inventoryReservations)
    .where(
      and(eq(inventoryReservations.shopId, shopId), eq(inventoryReservations.orderId, orderId)),
    );
  lines.sort((a, b) => a.position - b.position);
  return { order, lines, reservations };
}

export type OrderRows = NonNullable<Awaited<ReturnType<typeof loadOrderRows>>>;

/** Sets the status of all of an order's reservations that are in `from`. */
export async function setReservations(
  tx: Db,
  shopId: string,
  orderId: string,
  from: 'held' | 'sold' | 'released',
  to: 'held' | 'sold' | 'released',
  now: Date,
): Promise<void> {
  await tx
    .update(inventoryReservations)
    .set({ status: to, updatedAt: now })
    .where(
      and(
        eq(inventoryReservations.shopId, shopId),
        eq(inventoryReservations.orderId, orderId),
        eq(inventoryReservations.status, from),
      ),
    );
}
