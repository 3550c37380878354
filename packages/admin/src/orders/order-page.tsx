import { getMediaViews, loadShopOrigin, type OrderView } from '@aldea/core';
import type { Context } from 'hono';
import type { AdminEnv } from '../env.js';
import type { MessageKey } from '../messages/index.js';
import { timeZoneOf } from '../ui/format.js';
import { renderPage } from '../ui/layout.js';
import { OrderDetailPage } from './order-detail-page.js';
import type { FailedOrderForm, OrderPageProps } from './order-props.js';

/** Confirmations the order screens' redirects may ask for with `?ok=`. */
export const ORDER_FLASH_KEYS: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'orders.flash.confirmed',
  'orders.flash.revived',
  'orders.flash.needsRefund',
  'orders.flash.shipped',
  'orders.flash.delivered',
  'orders.flash.cancelled',
  'orders.flash.refunded',
]);

/** The `?ok=` confirmation of an order redirect, translated (never free text from the URL). */
export function orderFlash(c: Context<AdminEnv>): string | undefined {
  const k = c.req.query('ok');
  return k && ORDER_FLASH_KEYS.has(k as MessageKey) ? c.get('t')(k as MessageKey) : undefined;
}

/** The shop's time zone, from its village's country. */
export async function shopTimeZone(c: Context<AdminEnv>): Promise<string> {
  return timeZoneOf((await loadShopOrigin(c.get('shop'))).country);
}

/** Everything the order page's parts need, loaded for one order. */
export async function orderPageProps(
  c: Context<AdminEnv>,
  order: OrderView,
  failed?: FailedOrderForm,
): Promise<OrderPageProps> {
  const shop = c.get('shop');
  const receiptId = order.payment?.receiptMediaId;
  const [timeZone, receipts] = await Promise.all([
    shopTimeZone(c),
    receiptId ? getMediaViews(shop, [receiptId]) : Promise.resolve(new Map()),
  ]);
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    links: c.get('links'),
    csrf: c.get('csrfToken'),
    shop,
    order,
    timeZone,
    receipt: receiptId ? receipts.get(receiptId) : undefined,
    ...(failed ? { failed } : {}),
  };
}

/** Renders the order page; a failed form comes back with its input, errors and status. */
export async function showOrder(
  c: Context<AdminEnv>,
  order: OrderView,
  failed?: FailedOrderForm & { status: 400 | 409 },
) {
  const props = await orderPageProps(c, order, failed);
  return renderPage(c, <OrderDetailPage {...props} />, {
    title: props.t('orders.number', { number: order.number }),
    nav: 'shop',
    flash: orderFlash(c),
    status: failed?.status ?? 200,
  });
}
