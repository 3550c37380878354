import {
  formatMoney,
  type Locale,
  type OrderStatus,
  type OrderView,
  type PaymentMethod,
  type Translate,
} from '@aldea/core';
import type { MessageKey } from '../messages/index.js';

/** Every order status, in the order the list's filter shows them. */
export const ORDER_FILTERS = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
] as const satisfies readonly OrderStatus[];

/** The status a `?status=` query names, or undefined for anything else. */
export function orderFilterOf(query: string | undefined): OrderStatus | undefined {
  return ORDER_FILTERS.find((s) => s === query);
}

const METHODS: readonly PaymentMethod[] = ['card', 'bank_transfer', 'cash', 'pay_at_coop'];

/** A payment method's name in the reader's language (an unknown one as it is stored). */
export function methodText(t: Translate<MessageKey>, method: string): string {
  const known = METHODS.find((m) => m === method);
  return known ? t(`orders.method.${known}`) : method;
}

/** The badge colour of a status, from the admin's existing badge classes. */
export function statusBadge(status: OrderStatus): string {
  switch (status) {
    case 'paid':
    case 'delivered':
      return 'badge active';
    case 'pending_payment':
      return 'badge paused';
    case 'cancelled':
    case 'expired':
      return 'badge archived';
    default:
      return 'badge';
  }
}

/** Money in the reader's locale. */
export function moneyText(locale: Locale, amountMinor: number, currency: string): string {
  return formatMoney({ amountMinor, currency }, locale);
}

/** A tax rate in basis points as a percentage in the reader's locale ("16 %", "16%"). */
export function percentText(locale: Locale, bps: number): string {
  // Display only: a rate is not money and 1600 / 10000 is exact enough to show.
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    bps / 10_000,
  );
}

/** What can still be given back on the order, in its captured currency (0 when nothing was taken). */
export function refundableMinor(order: Pick<OrderView, 'payment'>): number {
  const p = order.payment;
  if (p?.status !== 'succeeded') return 0;
  return Math.max(p.capturedMinor - p.refundedMinor, 0);
}

/** One line of an order's history. */
export type TimelineEvent =
  | { at: Date; kind: 'placed' | 'paid' | 'delivered' | 'expired' }
  | { at: Date; kind: 'shipped'; carrier: string; number: string; url: string | null }
  | { at: Date; kind: 'cancelled'; reason: string | null }
  | {
      at: Date;
      kind: 'refund';
      amountMinor: number;
      currency: string;
      status: 'pending' | 'succeeded' | 'failed';
      reason: string;
    };

/** The order's history from its timestamps and refunds, oldest first. Pure. */
export function orderTimeline(order: OrderView): TimelineEvent[] {
  const events: TimelineEvent[] = [{ at: order.createdAt, kind: 'placed' }];
  if (order.paidAt) events.push({ at: order.paidAt, kind: 'paid' });
  if (order.shippedAt) {
    events.push({
      at: order.shippedAt,
      kind: 'shipped',
      carrier: order.carrier ?? '',
      number: order.trackingNumber ?? '',
      url: order.trackingUrl,
    });
  }
  if (order.deliveredAt) events.push({ at: order.deliveredAt, kind: 'delivered' });
  if (order.expiredAt) events.push({ at: order.expiredAt, kind: 'expired' });
  if (order.cancelledAt) {
    events.push({ at: order.cancelledAt, kind: 'cancelled', reason: order.cancelReason });
  }
  for (const r of order.refunds) {
    events.push({
      at: r.createdAt,
      kind: 'refund',
      amountMinor: r.amountMinor,
      currency: r.currency,
      status: r.status,
      reason: r.reason,
    });
  }
  // Stable: events at the same instant keep the order of their life (paid before shipped).
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
