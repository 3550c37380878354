import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { cached, cachedSelect } from '../catalog/prepared.js';
import type { Db } from '../db/database.js';
import { checkouts, inventoryReservations, orderLines, orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';

/**
 * The placing transaction's statements, prepared once per connection: placing
 * an order runs about ten of them, and building and parsing each one every
 * time cost more than executing it (see bench/checkout.ts).
 */

const p = sql.placeholder;

/**
 * The shop's next order number (from 1001): one more than its highest, read
 * from the end of `orders_number_uq`. Run inside the placing transaction, which
 * holds SQLite's write lock, so no other writer can take the same number; orders
 * are never deleted one by one, so a number is never handed out twice.
 */
export const nextOrderNumber = (db: Db) =>
  cached(db, 'checkout.next-number', () =>
    db
      .select({ number: sql<number>`coalesce(max(${orders.number}), 1000) + 1` })
      .from(orders)
      .where(eq(orders.shopId, p('shopId')))
      .prepare(),
  );

const ORDER_COLUMNS = [
  'shopId',
  'id',
  'number',
  'status',
  'statusToken',
  'checkoutId',
  'email',
  'locale',
  'shippingAddress',
  'country',
  'currency',
  'settlementCurrency',
  'quoteId',
  'fxRate',
  'fxAsOf',
  'subtotalMinor',
  'shippingMinor',
  'taxMinor',
  'taxInclusive',
  'taxRateBps',
  'totalMinor',
  'weightGrams',
  'shipping',
  'international',
  'dutiesPaidBySeller',
  'shipBy',
  'deliveryEarliest',
  'deliveryLatest',
  'paymentMethod',
  'paymentReference',
  'reservedUntil',
  'createdAt',
  'updatedAt',
] as const;

const LINE_COLUMNS = [
  'shopId',
  'id',
  'orderId',
  'position',
  'variantId',
  'productId',
  'title',
  'variantLabel',
  'sku',
  'quantity',
  'unitAmountMinor',
  'currency',
  'lineTotalMinor',
  'weightGrams',
  'madeToOrder',
  'processingDaysMax',
] as const;

const RESERVATION_COLUMNS = [
  'shopId',
  'id',
  'orderId',
  'variantId',
  'quantity',
  'status',
  'createdAt',
  'updatedAt',
] as const;

const PAYMENT_COLUMNS = [
  'shopId',
  'id',
  'orderId',
  'provider',
  'method',
  'status',
  'amountMinor',
  'currency',
  'destinationAccount',
  'platformFeeMinor',
  'createdAt',
  'updatedAt',
] as const;

function placeholders<K extends string>(columns: readonly K[]) {
  return Object.fromEntries(columns.map((c) => [c, p(c)])) as unknown as Record<
    K,
    ReturnType<typeof p>
  >;
}

/**
 * Inserts an order row; parameters are named after the columns, except
 * `fxAsOfMs` (epoch ms or null): a prepared placeholder goes through the
 * column's encoder, and the timestamp encoder cannot take the null of an order
 * paid in the shop's own currency.
 */
export const insertOrder = (db: Db) =>
  cached(db, 'checkout.insert-order', () =>
    db
      .insert(orders)
      .values({ ...placeholders(ORDER_COLUMNS), fxAsOf: sql`${p('fxAsOfMs')}` })
      // A checkout already placed inserts nothing (`changes` is 0): one order per checkout.
      .onConflictDoNothing({ target: [orders.shopId, orders.checkoutId] })
      .prepare(),
  );

/** Inserts one order line. */
export const insertOrderLine = (db: Db) =>
  cached(db, 'checkout.insert-line', () =>
    db.insert(orderLines).values(placeholders(LINE_COLUMNS)).prepare(),
  );

/** Inserts one stock reservation. */
export const insertReservation = (db: Db) =>
  cached(db, 'checkout.insert-reservation', () =>
    db.insert(inventoryReservations).values(placeholders(RESERVATION_COLUMNS)).prepare(),
  );

/** Inserts the order's payment. */
export const insertPayment = (db: Db) =>
  cached(db, 'checkout.insert-payment', () =>
    db.insert(payments).values(placeholders(PAYMENT_COLUMNS)).prepare(),
  );

/** A checkout by its token (tenant-scoped), with the id of the order placed from it. */
export const checkoutByToken = (db: Db) =>
  cachedSelect(
    db,
    'checkout.by-token',
    { ...getTableColumns(checkouts), orderId: orders.id },
    (f) =>
      db
        .select(f)
        .from(checkouts)
        .leftJoin(
          orders,
          and(eq(orders.shopId, checkouts.shopId), eq(orders.checkoutId, checkouts.id)),
        )
        .where(and(eq(checkouts.shopId, p('shopId')), eq(checkouts.token, p('token'))))
        .prepare(),
  );
