import type {
  OrderStatus,
  OrderSummary as OrderSummaryView,
  OrderView,
  PaymentMethod,
  PaymentView,
  RefundView,
} from '@aldea/core';
import { z } from '@hono/zod-openapi';
import { Currency, DateTime, iso, isoOrNull } from './common.js';
import { allOf } from './exhaustive.js';

export const ORDER_STATUSES = allOf<OrderStatus>()([
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
]);
const PAYMENT_METHODS = allOf<PaymentMethod>()(['card', 'bank_transfer', 'cash', 'pay_at_coop']);
const PAYMENT_STATUSES = allOf<PaymentView['status']>()([
  'pending',
  'processing',
  'succeeded',
  'failed',
  'expired',
]);
const REFUND_STATUSES = allOf<RefundView['status']>()(['pending', 'succeeded', 'failed']);

export const OrderSummary = z
  .object({
    id: z.string().openapi({ example: 'ord_01jd3k8w2x9m4q7rtv5bz6c8ha' }),
    number: z.number().int().openapi({ example: 1042 }),
    status: z.enum(ORDER_STATUSES),
    email: z.string(),
    buyerName: z.string(),
    country: z.string(),
    currency: Currency,
    totalMinor: z.number().int(),
    paymentMethod: z.string(),
    itemCount: z.number().int(),
    shipBy: DateTime,
    attention: z.string().nullable(),
    createdAt: DateTime,
  })
  .openapi('OrderSummary');

export const Refund = z
  .object({
    id: z.string(),
    amountMinor: z.number().int(),
    currency: Currency,
    status: z.enum(REFUND_STATUSES),
    reason: z.string(),
    external: z.boolean(),
    createdAt: DateTime,
  })
  .openapi('Refund');

const Payment = z.object({
  id: z.string(),
  provider: z.enum(['stripe', 'manual']),
  method: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amountMinor: z.number().int(),
  currency: Currency,
  capturedMinor: z.number().int(),
  refundedMinor: z.number().int(),
  platformFeeMinor: z.number().int(),
  succeededAt: DateTime.nullable(),
});

const OrderLine = z.object({
  id: z.string(),
  variantId: z.string(),
  productId: z.string(),
  title: z.string(),
  variantLabel: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  unitAmountMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
  currency: Currency,
  weightGrams: z.number().int(),
  madeToOrder: z.boolean(),
});

export const Order = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(ORDER_STATUSES),
    email: z.string(),
    locale: z.string(),
    shippingAddress: z.object({
      name: z.string(),
      line1: z.string(),
      line2: z.string(),
      city: z.string(),
      region: z.string(),
      postalCode: z.string(),
      country: z.string(),
      phone: z.string(),
    }),
    currency: Currency.openapi({
      description: 'The currency the buyer paid in; every amount is in it.',
    }),
    settlementCurrency: Currency,
    fxRate: z.string().nullable(),
    fxAsOf: DateTime.nullable(),
    subtotalMinor: z.number().int(),
    shippingMinor: z.number().int(),
    taxMinor: z.number().int(),
    taxInclusive: z.boolean(),
    totalMinor: z.number().int(),
    shipping: z.object({
      name: z.string(),
      amountMinor: z.number().int(),
      free: z.boolean(),
      deliveryDaysMin: z.number().int(),
      deliveryDaysMax: z.number().int(),
    }),
    paymentMethod: z.enum(PAYMENT_METHODS),
    paymentReference: z.string(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
    attention: z.string().nullable(),
    shipBy: DateTime,
    createdAt: DateTime,
    paidAt: DateTime.nullable(),
    shippedAt: DateTime.nullable(),
    deliveredAt: DateTime.nullable(),
    cancelledAt: DateTime.nullable(),
    lines: z.array(OrderLine),
    payment: Payment.nullable(),
    refunds: z.array(Refund),
  })
  .openapi('Order');

export function toOrderSummary(o: OrderSummaryView): z.infer<typeof OrderSummary> {
  return { ...o, shipBy: iso(o.shipBy), createdAt: iso(o.createdAt) };
}

export function toRefund(r: RefundView): z.infer<typeof Refund> {
  return { ...r, createdAt: iso(r.createdAt) };
}

export function toOrder(o: OrderView): z.infer<typeof Order> {
  const s = o.shipping;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    locale: o.locale,
    shippingAddress: o.shippingAddress,
    currency: o.currency,
    settlementCurrency: o.settlementCurrency,
    fxRate: o.fxRate,
    fxAsOf: isoOrNull(o.fxAsOf),
    subtotalMinor: o.subtotalMinor,
    shippingMinor: o.shippingMinor,
    taxMinor: o.taxMinor,
    taxInclusive: o.taxInclusive,
    totalMinor: o.totalMinor,
    shipping: {
      name: s.name,
      amountMinor: s.amountMinor,
      free: s.free,
      deliveryDaysMin: s.deliveryDaysMin,
      deliveryDaysMax: s.deliveryDaysMax,
    },
    paymentMethod: o.paymentMethod,
    paymentReference: o.paymentReference,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    trackingUrl: o.trackingUrl,
    attention: o.attention,
    shipBy: iso(o.shipBy),
    createdAt: iso(o.createdAt),
    paidAt: isoOrNull(o.paidAt),
    shippedAt: isoOrNull(o.shippedAt),
    deliveredAt: isoOrNull(o.deliveredAt),
    cancelledAt: isoOrNull(o.cancelledAt),
    lines: o.lines.map((l) => ({ ...l })),
    payment: o.payment
      ? {
          id: o.payment.id,
          provider: o.payment.provider,
          method: o.payment.method,
          status: o.payment.status,
          amountMinor: o.payment.amountMinor,
          currency: o.payment.currency,
          capturedMinor: o.payment.capturedMinor,
          refundedMinor: o.payment.refundedMinor,
          platformFeeMinor: o.payment.platformFeeMinor,
          succeededAt: isoOrNull(o.payment.succeededAt),
        }
      : null,
    refunds: o.refunds.map(toRefund),
  };
}
