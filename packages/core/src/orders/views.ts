import type {
  OrderStatus,
  orderLines,
  orders,
  PaymentMethod,
  PostalAddress,
  ShippingSnapshot,
} from '../schema/orders.js';
import type { PaymentStatus, payments, RefundStatus, refunds } from '../schema/payments.js';

/** A sold line, as copied at the moment of sale. */
export interface OrderLineView {
  id: string;
  variantId: string;
  productId: string;
  title: string;
  variantLabel: string;
  sku: string;
  quantity: number;
  unitAmountMinor: number;
  lineTotalMinor: number;
  currency: string;
  weightGrams: number;
  madeToOrder: boolean;
}

/** The payment of an order (the latest attempt). Amounts in the order currency. */
export interface PaymentView {
  id: string;
  provider: 'stripe' | 'manual';
  method: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  capturedMinor: number;
  refundedMinor: number;
  platformFeeMinor: number;
  checkoutUrl: string | null;
  receiptMediaId: string | null;
  succeededAt: Date | null;
}

/** A refund of an order. */
export interface RefundView {
  id: string;
  amountMinor: number;
  currency: string;
  status: RefundStatus;
  reason: string;
  external: boolean;
  createdAt: Date;
}

/** An order with its lines, payment and refunds: what the admin and the buyer's page show. */
export interface OrderView {
  id: string;
  shopId: string;
  number: number;
  status: OrderStatus;
  email: string;
  locale: string;
  shippingAddress: PostalAddress;
  country: string;
  currency: string;
  settlementCurrency: string;
  fxRate: string | null;
  fxAsOf: Date | null;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxInclusive: boolean;
  taxRateBps: number;
  totalMinor: number;
  weightGrams: number;
  shipping: ShippingSnapshot;
  international: boolean;
  dutiesPaidBySeller: boolean;
  shipBy: Date;
  deliveryEarliest: Date;
  deliveryLatest: Date;
  paymentMethod: PaymentMethod;
  paymentReference: string;
  reservedUntil: Date;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  cancelReason: string | null;
  attention: string | null;
  createdAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  expiredAt: Date | null;
  lines: OrderLineView[];
  payment: PaymentView | null;
  refunds: RefundView[];
}

/** Maps an order line row to its view. */
export function toLineView(l: typeof orderLines.$inferSelect): OrderLineView {
  return {
    id: l.id,
    variantId: l.variantId,
    productId: l.productId,
    title: l.title,
    variantLabel: l.variantLabel,
    sku: l.sku,
    quantity: l.quantity,
    unitAmountMinor: l.unitAmountMinor,
    lineTotalMinor: l.lineTotalMinor,
    currency: l.currency,
    weightGrams: l.weightGrams,
    madeToOrder: l.madeToOrder,
  };
}

/** Maps a payment row to its view. */
export function toPaymentView(p: typeof payments.$inferSelect): PaymentView {
  return {
    id: p.id,
    provider: p.provider,
    method: p.method,
    status: p.status,
    amountMinor: p.amountMinor,
    currency: p.currency,
    capturedMinor: p.capturedMinor,
    refundedMinor: p.refundedMinor,
    platformFeeMinor: p.platformFeeMinor,
    checkoutUrl: p.checkoutUrl,
    receiptMediaId: p.receiptMediaId,
    succeededAt: p.succeededAt,
  };
}

/** Maps a refund row to its view. */
export function toRefundView(r: typeof refunds.$inferSelect): RefundView {
  return {
    id: r.id,
    amountMinor: r.amountMinor,
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    external: r.external,
    createdAt: r.createdAt,
  };
}

/** Assembles an order view from its rows (the status token stays out of it). */
export function toOrderView(
  o: typeof orders.$inferSelect,
  lines: (typeof orderLines.$inferSelect)[],
  payment: typeof payments.$inferSelect | undefined,
  refundRows: (typeof refunds.$inferSelect)[],
): OrderView {
  const { statusToken: _token, checkoutId: _checkout, quoteId: _quote, updatedAt: _u, ...rest } = o;
  return {
    ...rest,
    lines: lines.sort((a, b) => a.position - b.position).map(toLineView),
    payment: payment ? toPaymentView(payment) : null,
    refunds: refundRows.map(toRefundView),
  };
}
