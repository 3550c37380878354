import { and, eq, isNull, sql } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import type { Db } from '../db/database.js';
import {
  checkouts,
  inventoryReservations,
  orderCounters,
  orderLines,
  orders,
} from '../schema/orders.js';
import { payments } from '../schema/payments.js';

/**
 * The placing transaction's statements, prepared once per connection: placing
 * an order runs about ten of them, and building and parsing each one every
 * time cost more than executing it (see bench/checkout.ts).
 */

const p = sql.placeholder;

/**
 * Claims a checkout for an order, once (`changes` is 0 when it was already
 * placed). `nowMs` is epoch milliseconds (a raw parameter, not a mapped column).
 */
export const claimCheckout = (db: Db) =>
  cached(db, 'checkout.claim', () =>
    db
      .update(checkouts)
      .set({ orderId: sql`${p('orderId')}`, updatedAt: sql`${p('nowMs')}` })
      .where(
        and(
          eq(checkouts.shopId, p('shopId')),
          eq(checkouts.id, p('checkoutId')),
          isNull(checkouts.orderId),
        ),
      )
      .prepare(),
  );

/** Takes the shop's next order number (from 1001), creating its counter on first use. */
export const nextOrderNumber = (db: Db) =>
  cached(db, 'checkout.next-number', () =>
    db
      .insert(orderCounters)
      .values({ shopId: p('shopId'), lastNumber: 1001 })
      .onConflictDoUpdate({
        target: orderCounters.shopId,
        set: { lastNumber: sql`${orderCounters.lastNumber} + 1` },
      })
      .returning({ number: orderCounters.lastNumber })
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

/** A checkout by its token (tenant-scoped). */
export const checkoutByToken = (db: Db) =>
  cached(db, 'checkout.by-token', () =>
    db
      .select()
      .from(checkouts)
      .where(and(eq(checkouts.shopId, p('shopId')), eq(checkouts.token, p('token'))))
      .prepare(),
  );
