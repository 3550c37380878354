import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  amountMinor,
  createdAt,
  currency,
  flag,
  id,
  locale,
  shopId,
  timestamp,
  updatedAt,
} from './columns.js';
import { shops } from './tenancy.js';

/** A postal address as the buyer typed it (validated per country by `checkout/address.ts`). */
export interface PostalAddress {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone: string;
}

/** What a line was when the buyer reviewed it: copied onto the order as is. */
export interface LineSnapshot {
  productId: string;
  title: string;
  variantLabel: string;
  sku: string;
  weightGrams: number;
  madeToOrder: boolean;
  processingDaysMax: number;
}

/** A variant and a quantity, as a checkout holds them before an order exists. */
export interface CheckoutLineRef {
  variantId: string;
  quantity: number;
  /** Filled at review, with the locked quote. */
  snapshot?: LineSnapshot;
}

/** The shipping choice copied onto a checkout and its order, never joined back to live rates. */
export interface ShippingSnapshot {
  zoneId: string;
  rateId: string;
  name: string;
  /** In the buyer (quote) currency. */
  amountMinor: number;
  free: boolean;
  deliveryDaysMin: number;
  deliveryDaysMax: number;
  taxRateBps: number;
  taxInclusive: boolean;
}

/**
 * A buyer's checkout in progress: the lines (from their cart), contact and
 * address, the chosen shipping rate and payment method, and — after review —
 * the quote that locks the prices. Identified by an unguessable token the
 * browser holds. At most one order is ever placed from it: `orders_checkout_uq`
 * (an order names its checkout; placing inserts it or finds it there).
 */
export const checkouts = sqliteTable(
  'checkouts',
  {
    shopId: shopId(),
    id: id(),
    token: text('token').notNull(),
    currency: currency(),
    locale: locale(),
    lines: text('lines', { mode: 'json' }).$type<CheckoutLineRef[]>().notNull(),
    email: text('email'),
    address: text('address', { mode: 'json' }).$type<PostalAddress>(),
    shippingRateId: text('shipping_rate_id'),
    paymentMethod: text('payment_method'),
    /** The locked quote (pricing) and the shipping priced with it, set at review. */
    quoteId: text('quote_id'),
    shipping: text('shipping', { mode: 'json' }).$type<ShippingSnapshot>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    uniqueIndex('checkouts_token_uq').on(t.shopId, t.token),
  ],
);

/** Where an order is in its life; see `orders/order-status.ts` for the legal moves. */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How a buyer pays: `card` through Stripe, the others by hand. */
export const PAYMENT_METHODS = ['card', 'bank_transfer', 'cash', 'pay_at_coop'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * An order: what was bought, at which locked prices, shipped where, paid how.
 * Amounts are in the presentment (buyer, quote) currency; the FX rate used and
 * its time are copied from the quote. `total = subtotal + shipping (+ tax when
 * exclusive)` is a CHECK. The buyer reaches it through `status_token` only.
 */
export const orders = sqliteTable(
  'orders',
  {
    shopId: shopId(),
    id: id(),
    /** Per-shop, human-friendly, from 1001 up. */
    number: integer('number').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    /**
     * The buyer's status link token: `{number}.{secret}` (`newSecretToken()`, 256
     * bits); orders placed before that carry the secret alone.
     */
    statusToken: text('status_token').notNull(),
    checkoutId: text('checkout_id').notNull(),
    email: text('email').notNull(),
    locale: locale(),
    shippingAddress: text('shipping_address', { mode: 'json' }).$type<PostalAddress>().notNull(),
    country: text('country').notNull(),
    currency: currency(),
    /** The shop's base currency, in which the seller thinks and is settled. */
    settlementCurrency: currency('settlement_currency'),
    quoteId: text('quote_id').notNull(),
    /** Exact decimal rate base → presentment used by the quote (null when every price was fixed). */
    fxRate: text('fx_rate'),
    fxAsOf: timestamp('fx_as_of'),
    subtotalMinor: amountMinor('subtotal_minor'),
    shippingMinor: amountMinor('shipping_minor'),
    taxMinor: amountMinor('tax_minor'),
    taxInclusive: flag('tax_inclusive'),
    taxRateBps: integer('tax_rate_bps').notNull().default(0),
    totalMinor: amountMinor('total_minor'),
    weightGrams: integer('weight_grams').notNull(),
    shipping: text('shipping', { mode: 'json' }).$type<ShippingSnapshot>().notNull(),
    international: flag('international'),
    dutiesPaidBySeller: flag('duties_paid_by_seller'),
    shipBy: timestamp('ship_by').notNull(),
    deliveryEarliest: timestamp('delivery_earliest').notNull(),
    deliveryLatest: timestamp('delivery_latest').notNull(),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    /** What the buyer writes on a bank transfer or says at the co-op ("1042-K7QM"). */
    paymentReference: text('payment_reference').notNull(),
    /** Stock is held until then; the sweeper expires the order afterwards. */
    reservedUntil: timestamp('reserved_until').notNull(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    cancelReason: text('cancel_reason'),
    /** Something a person must look at (a payment that arrived after the order expired). */
    attention: text('attention'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    paidAt: timestamp('paid_at'),
    shippedAt: timestamp('shipped_at'),
    deliveredAt: timestamp('delivered_at'),
    cancelledAt: timestamp('cancelled_at'),
    expiredAt: timestamp('expired_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    uniqueIndex('orders_number_uq').on(t.shopId, t.number),
    // Status tokens are `{number}.{secret}` and found by number: a unique index over
    // random tokens cost a random page write per order. Tokens made before that
    // (no dot) keep an index of their own, which no new order writes to.
    uniqueIndex('orders_legacy_status_token_uq')
      .on(t.statusToken)
      .where(sql`instr(${t.statusToken}, '.') = 0`),
    // One order per checkout: placing inserts `on conflict do nothing` here.
    uniqueIndex('orders_checkout_uq').on(t.shopId, t.checkoutId),
    // No index on payment_reference: it is `{number}-XXXX`, unique with the number.
    index('orders_list_idx').on(t.shopId, t.status, t.createdAt),
    // The sweeper: pending orders whose hold ran out, across shops.
    index('orders_reserved_until_idx').on(t.status, t.reservedUntil),
    check(
      'orders_status_ck',
      sql`${t.status} in ('pending_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired')`,
    ),
    check(
      'orders_amounts_ck',
      sql`${t.subtotalMinor} >= 0 and ${t.shippingMinor} >= 0 and ${t.taxMinor} >= 0`,
    ),
    check(
      'orders_total_ck',
      sql`${t.totalMinor} = ${t.subtotalMinor} + ${t.shippingMinor} + (case when ${t.taxInclusive} then 0 else ${t.taxMinor} end)`,
    ),
  ],
);

/**
 * What was sold, copied at the moment of sale (title, SKU, unit amount in the
 * order currency); never joined back to live products or prices.
 */
export const orderLines = sqliteTable(
  'order_lines',
  {
    shopId: shopId(),
    id: id(),
    orderId: text('order_id').notNull(),
    position: integer('position').notNull(),
    variantId: text('variant_id').notNull(),
    productId: text('product_id').notNull(),
    title: text('title').notNull(),
    variantLabel: text('variant_label').notNull().default(''),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    unitAmountMinor: amountMinor('unit_amount_minor'),
    currency: currency(),
    lineTotalMinor: amountMinor('line_total_minor'),
    weightGrams: integer('weight_grams').notNull(),
    madeToOrder: flag('made_to_order'),
    processingDaysMax: integer('processing_days_max').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.orderId],
      foreignColumns: [orders.shopId, orders.id],
    }).onDelete('cascade'),
    uniqueIndex('order_lines_position_uq').on(t.shopId, t.orderId, t.position),
    check('order_lines_quantity_ck', sql`${t.quantity} > 0`),
    check(
      'order_lines_total_ck',
      sql`${t.unitAmountMinor} >= 0 and ${t.lineTotalMinor} = ${t.unitAmountMinor} * ${t.quantity}`,
    ),
  ],
);

/** Where a reservation's units are: held (reserved), sold, or released back on hand. */
export const RESERVATION_STATUSES = ['held', 'sold', 'released'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * Stock an order holds: `held` while awaiting payment (counted in the
 * variant's `stock_reserved`), `sold` once paid (in `stock_sold`), `released`
 * when the order expired or was cancelled (back in `stock_on_hand`).
 */
export const inventoryReservations = sqliteTable(
  'inventory_reservations',
  {
    shopId: shopId(),
    id: id(),
    orderId: text('order_id').notNull(),
    variantId: text('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.orderId],
      foreignColumns: [orders.shopId, orders.id],
    }).onDelete('cascade'),
    index('inventory_reservations_order_idx').on(t.shopId, t.orderId),
    index('inventory_reservations_variant_idx').on(t.shopId, t.variantId, t.status),
    check('inventory_reservations_quantity_ck', sql`${t.quantity} > 0`),
    check('inventory_reservations_status_ck', sql`${t.status} in ('held', 'sold', 'released')`),
  ],
);
