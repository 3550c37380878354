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
  type LocalizedText,
  shopId,
  stringList,
  timestamp,
  updatedAt,
} from './columns.js';
import { orders } from './orders.js';
import { shops } from './tenancy.js';

/** Who collects the money. */
export const PAYMENT_PROVIDERS = ['stripe', 'manual'] as const;
export type PaymentProviderId = (typeof PAYMENT_PROVIDERS)[number];

/** A payment attempt's life. */
export const PAYMENT_STATUSES = [
  'pending', // created; the buyer has not paid yet
  'processing', // the provider accepted a payment that settles later (SEPA debit…)
  'succeeded', // captured: `captured_minor` is the money we hold
  'failed',
  'expired', // the checkout session or manual deadline ran out
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * One attempt to collect an order's total, through one provider. Amounts are
 * in the order's currency (the quote's). `refunded_minor` counts refunds
 * requested and not failed, so two concurrent refunds cannot exceed the capture
 * (a CHECK).
 */
export const payments = sqliteTable(
  'payments',
  {
    shopId: shopId(),
    id: id(),
    orderId: text('order_id').notNull(),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    method: text('method').notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    amountMinor: amountMinor('amount_minor'),
    currency: currency(),
    /** Stripe Checkout Session id (`cs_…`); null for manual payments. */
    providerSessionId: text('provider_session_id'),
    /** Stripe PaymentIntent id (`pi_…`), known once the session completes. */
    providerPaymentId: text('provider_payment_id'),
    /** Where to send the buyer to pay (the hosted checkout page). */
    checkoutUrl: text('checkout_url'),
    providerExpiresAt: timestamp('provider_expires_at'),
    /** Connected account of a destination charge, and the platform's fee (order currency). */
    destinationAccount: text('destination_account'),
    platformFeeMinor: integer('platform_fee_minor').notNull().default(0),
    /** A photo of the transfer receipt the buyer uploaded (media id). */
    receiptMediaId: text('receipt_media_id'),
    confirmedByUserId: text('confirmed_by_user_id'),
    capturedMinor: integer('captured_minor').notNull().default(0),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    succeededAt: timestamp('succeeded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.orderId],
      foreignColumns: [orders.shopId, orders.id],
    }).onDelete('cascade'),
    index('payments_order_idx').on(t.shopId, t.orderId),
    // Both only over payments with a provider session: a manual payment (most
    // orders in a village) writes to neither.
    uniqueIndex('payments_session_uq')
      .on(t.providerSessionId)
      .where(sql`${t.providerSessionId} is not null`),
    // Reconcile: open provider payments, oldest first, across shops.
    index('payments_open_idx')
      .on(t.provider, t.status, t.createdAt)
      .where(sql`${t.providerSessionId} is not null`),
    check(
      'payments_status_ck',
      sql`${t.status} in ('pending', 'processing', 'succeeded', 'failed', 'expired')`,
    ),
    check(
      'payments_amounts_ck',
      sql`${t.amountMinor} >= 0 and ${t.capturedMinor} >= 0 and ${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.capturedMinor} and ${t.platformFeeMinor} >= 0`,
    ),
  ],
);

/** A refund's life at the provider. */
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Money given back on a payment, in the captured currency, never re-converted. */
export const refunds = sqliteTable(
  'refunds',
  {
    shopId: shopId(),
    id: id(),
    paymentId: text('payment_id').notNull(),
    orderId: text('order_id').notNull(),
    amountMinor: amountMinor('amount_minor'),
    currency: currency(),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    /** Stripe refund id (`re_…`); null for manual refunds. */
    providerRefundId: text('provider_refund_id'),
    reason: text('reason').notNull().default(''),
    /** Made outside Aldea (e.g. in the Stripe dashboard) and learnt from a webhook. */
    external: flag('external'),
    createdByUserId: text('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.paymentId],
      foreignColumns: [payments.shopId, payments.id],
    }).onDelete('cascade'),
    index('refunds_order_idx').on(t.shopId, t.orderId),
    uniqueIndex('refunds_provider_uq').on(t.providerRefundId),
    check('refunds_amount_ck', sql`${t.amountMinor} > 0`),
  ],
);

/**
 * Every provider event we acted on, keyed by the provider's own event id: the
 * unique key is what makes a replayed or duplicated webhook a no-op. Platform
 * level (a webhook names no shop until we read it).
 */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    id: id().primaryKey(),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    shopId: text('shop_id'),
    orderId: text('order_id'),
    /** What processing did ("paid", "ignored: already paid"…), for the support log. */
    outcome: text('outcome').notNull(),
    receivedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_events_event_uq').on(t.provider, t.eventId),
    index('webhook_events_order_idx').on(t.shopId, t.orderId),
  ],
);

/** Per-method texts a shop shows buyers (bank details, co-op address), per locale. */
export type PaymentInstructions = Partial<Record<string, LocalizedText>>;

/**
 * How a shop gets paid: whether it takes cards through Stripe (and to which
 * connected account, with which platform fee), which manual methods it offers
 * with their instructions, and how long each kind of order holds stock.
 * A shop without a row gets the defaults (see `payments/payment-settings.ts`).
 */
export const shopPaymentSettings = sqliteTable(
  'shop_payment_settings',
  {
    shopId: shopId().primaryKey(),
    cardEnabled: flag('card_enabled').default(true),
    stripeAccountId: text('stripe_account_id'),
    platformFeeBps: integer('platform_fee_bps').notNull().default(0),
    manualMethods: stringList('manual_methods'),
    instructions: text('instructions', { mode: 'json' })
      .$type<PaymentInstructions>()
      .notNull()
      .default(sql`'{}'`),
    cardHoldMinutes: integer('card_hold_minutes').notNull().default(35),
    manualHoldHours: integer('manual_hold_hours').notNull().default(120),
    /** Where "new order" emails go; the owners' addresses when null. */
    notifyEmail: text('notify_email'),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    check('shop_payment_settings_fee_ck', sql`${t.platformFeeBps} between 0 and 5000`),
    check(
      'shop_payment_settings_hold_ck',
      sql`${t.cardHoldMinutes} between 30 and 1440 and ${t.manualHoldHours} between 1 and 720`,
    ),
  ],
);
