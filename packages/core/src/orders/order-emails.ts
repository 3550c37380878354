import type { Db } from '../db/database.js';
import { enqueueOrderEmail } from '../notifications/enqueue.js';
import type { OrderEmailKind, OrderEmailPayload } from '../notifications/order-emails.js';
import type { orderLines, orders } from '../schema/orders.js';

type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;

/** The buyer's status page path for an order: `/s/{shop}/orders/{token}`. */
export function orderStatusPath(shopSlug: string, token: string): string {
  return `/s/${encodeURIComponent(shopSlug)}/orders/${token}`;
}

/** Builds an order email's payload from the order as it is now. */
export function orderEmailPayload(
  order: OrderRow,
  lines: readonly Pick<LineRow, 'title' | 'variantLabel' | 'quantity' | 'lineTotalMinor'>[],
  audience: 'buyer' | 'seller',
  shopSlug: string,
  extra: Partial<OrderEmailPayload> = {},
): OrderEmailPayload {
  return {
    audience,
    to: audience === 'buyer' ? order.email : null,
    locale: order.locale,
    shopId: order.shopId,
    orderId: order.id,
    orderNumber: order.number,
    statusPath: audience === 'buyer' ? orderStatusPath(shopSlug, order.statusToken) : null,
    totalMinor: order.totalMinor,
    currency: order.currency,
    lines: lines.map((l) => ({
      title: l.variantLabel ? `${l.title} (${l.variantLabel})` : l.title,
      quantity: l.quantity,
      lineTotalMinor: l.lineTotalMinor,
    })),
    paymentMethod: order.paymentMethod,
    status: order.status,
    country: order.country,
    reference: order.paymentReference,
    reservedUntil: order.reservedUntil.toISOString(),
    shipBy: order.shipBy.toISOString(),
    ...(order.carrier ? { carrier: order.carrier } : {}),
    ...(order.trackingNumber ? { trackingNumber: order.trackingNumber } : {}),
    ...(order.trackingUrl ? { trackingUrl: order.trackingUrl } : {}),
    ...extra,
  };
}

/** Enqueues one order email (deduplicated per kind and order) in the caller's transaction. */
export function sendOrderEmail(
  tx: Db,
  now: Date,
  kind: OrderEmailKind,
  order: OrderRow,
  lines: readonly LineRow[],
  shopSlug: string,
  extra?: Partial<OrderEmailPayload>,
): Promise<void> {
  const audience = kind === 'order.new' || kind === 'order.attention' ? 'seller' : 'buyer';
  return enqueueOrderEmail(
    tx,
    now,
    kind,
    orderEmailPayload(order, lines, audience, shopSlug, extra),
  );
}
