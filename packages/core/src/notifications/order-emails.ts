import { countryName } from '../checkout/countries.js';
import { checkoutText } from '../checkout/messages.js';
import { formatMoney } from '../money/format-money.js';
import { type EmailMessageKey, emailText } from './email-messages.js';

/** The emails orders send. Buyer emails go to the order's address; seller ones to the shop. */
export const ORDER_EMAIL_KINDS = [
  'order.received',
  'order.confirmed',
  'order.shipped',
  'order.cancelled',
  'order.expired',
  'order.new',
  'order.attention',
] as const;
export type OrderEmailKind = (typeof ORDER_EMAIL_KINDS)[number];

/**
 * What an order email needs, snapshotted into the outbox in the same
 * transaction as the change (so it says what was true then).
 */
export interface OrderEmailPayload {
  audience: 'buyer' | 'seller';
  /** Buyer emails: the buyer's address. Seller emails: resolved at delivery. */
  to: string | null;
  locale: string;
  shopId: string;
  orderId: string;
  orderNumber: number;
  /** `/s/{shop}/orders/{token}` — buyer emails only; the worker prefixes the public URL. */
  statusPath: string | null;
  totalMinor: number;
  currency: string;
  lines: { title: string; quantity: number; lineTotalMinor: number }[];
  paymentMethod: string;
  status: string;
  country: string;
  reference?: string;
  reservedUntil?: string;
  shipBy?: string;
  carrier?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  instructions?: string;
}

/** A rendered email. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const INTRO: Record<OrderEmailKind, [EmailMessageKey, EmailMessageKey]> = {
  'order.received': ['received.subject', 'received.intro'],
  'order.confirmed': ['confirmed.subject', 'confirmed.intro'],
  'order.shipped': ['shipped.subject', 'shipped.intro'],
  'order.cancelled': ['cancelled.subject', 'cancelled.intro'],
  'order.expired': ['expired.subject', 'expired.intro'],
  'order.new': ['new.subject', 'new.intro'],
  'order.attention': ['attention.subject', 'attention.intro'],
};

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function day(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/**
 * Renders an order email in the payload's language: a subject, a plain-text
 * body and a small HTML body in which every value is escaped. Pure.
 */
export function renderOrderEmail(
  kind: OrderEmailKind,
  p: OrderEmailPayload,
  opts: { shopName: string; publicUrl: string },
): RenderedEmail {
  const t = emailText(p.locale);
  const money = (minor: number) =>
    formatMoney({ amountMinor: minor, currency: p.currency }, p.locale);
  const method = checkoutText(p.locale)(
    `method.${p.paymentMethod}` as Parameters<ReturnType<typeof checkoutText>>[0],
  );
  const params = {
    number: p.orderNumber,
    shop: opts.shopName,
    total: money(p.totalMinor),
    method,
    reference: p.reference ?? '',
    until: day(p.reservedUntil, p.locale),
    shipBy: day(p.shipBy, p.locale),
    carrier: p.carrier ?? '',
    tracking: p.trackingNumber ?? '',
    country: countryName(p.country, p.locale),
    status: p.status === 'paid' ? t('status.paid') : t('status.pending_payment'),
  };
  const [subjectKey, introKey] = INTRO[kind];
  const paragraphs = [t(introKey, params)];
  if (kind === 'order.received') {
    paragraphs.push(t('received.pay', params));
    if (p.instructions) paragraphs.push(p.instructions);
  }
  if (kind === 'order.shipped' && p.trackingUrl) paragraphs.push(p.trackingUrl);
  const items = p.lines.map((l) => `${l.title} × ${l.quantity} — ${money(l.lineTotalMinor)}`);
  const link = p.statusPath ? `${opts.publicUrl.replace(/\/$/, '')}${p.statusPath}` : null;
  const footer = [link ? t('common.status', { url: link }) : null, t('common.thanks')].filter(
    (x): x is string => x !== null,
  );
  const text = [
    ...paragraphs,
    '',
    `${t('common.items')}:`,
    ...items.map((i) => `- ${i}`),
    `${t('common.total')}: ${params.total}`,
    '',
    ...footer,
  ].join('\n');
  const html = [
    `<!DOCTYPE html><html lang="${escapeHtml(p.locale)}"><body>`,
    ...paragraphs.map((x) => `<p>${escapeHtml(x)}</p>`),
    `<h2>${escapeHtml(t('common.items'))}</h2><ul>`,
    ...items.map((i) => `<li>${escapeHtml(i)}</li>`),
    `</ul><p><strong>${escapeHtml(t('common.total'))}: ${escapeHtml(params.total)}</strong></p>`,
    link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : '',
    `<p>${escapeHtml(t('common.thanks'))}</p></body></html>`,
  ].join('\n');
  return { subject: t(subjectKey, params), text, html };
}
