import { isLocale, type Locale } from '../i18n/locales.js';
import { defineCatalogues, type Translate, translator } from '../i18n/messages.js';

/** Email texts in the three languages. Placeholders are filled with escaped values. */
const en = {
  'received.subject': 'Order {number} at {shop}: how to pay',
  'received.intro': 'Thank you! Your order {number} is reserved until {until}.',
  'received.pay': 'Please pay {total} by {method}, quoting the reference {reference}.',
  'confirmed.subject': 'Order {number} at {shop} is confirmed',
  'confirmed.intro': 'We received your payment of {total}. The shop will ship by {shipBy}.',
  'shipped.subject': 'Order {number} is on its way',
  'shipped.intro': 'Your order was shipped with {carrier}, tracking number {tracking}.',
  'cancelled.subject': 'Order {number} was cancelled',
  'cancelled.intro': 'Your order {number} at {shop} was cancelled. Any payment is refunded.',
  'expired.subject': 'Order {number} expired',
  'expired.intro': 'We did not receive payment for order {number} in time, so it was released.',
  'new.subject': 'New order {number}: {total}',
  'new.intro': 'A buyer in {country} ordered from {shop}. Payment: {method} ({status}).',
  'attention.subject': 'Payment for expired order {number} needs a refund',
  'attention.intro':
    'A payment of {total} arrived for order {number} after it expired and the stock was gone. Please refund it.',
  'common.items': 'Items',
  'common.total': 'Total',
  'common.status': 'See your order: {url}',
  'common.thanks': 'Thank you for buying from the village.',
  'status.pending_payment': 'awaiting payment',
  'status.paid': 'paid',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  'received.subject': '{shop} 的订单 {number}：付款方式',
  'received.intro': '谢谢！您的订单 {number} 已为您保留至 {until}。',
  'received.pay': '请通过{method}支付 {total}，并注明参考号 {reference}。',
  'confirmed.subject': '{shop} 的订单 {number} 已确认',
  'confirmed.intro': '我们已收到您支付的 {total}。店铺将在 {shipBy} 前发货。',
  'shipped.subject': '订单 {number} 已发货',
  'shipped.intro': '您的订单已通过 {carrier} 发出，运单号 {tracking}。',
  'cancelled.subject': '订单 {number} 已取消',
  'cancelled.intro': '您在 {shop} 的订单 {number} 已取消。已付款项将退还。',
  'expired.subject': '订单 {number} 已过期',
  'expired.intro': '我们未能按时收到订单 {number} 的付款，订单已释放。',
  'new.subject': '新订单 {number}：{total}',
  'new.intro': '一位来自{country}的买家在 {shop} 下单。付款方式：{method}（{status}）。',
  'attention.subject': '过期订单 {number} 的付款需要退款',
  'attention.intro': '订单 {number} 过期且库存已售出后，收到了 {total} 的付款。请办理退款。',
  'common.items': '商品',
  'common.total': '合计',
  'common.status': '查看订单：{url}',
  'common.thanks': '感谢您购买村里的好物。',
  'status.pending_payment': '待付款',
  'status.paid': '已付款',
};

const es: Record<Key, string> = {
  'received.subject': 'Pedido {number} en {shop}: cómo pagar',
  'received.intro': '¡Gracias! Tu pedido {number} está apartado hasta el {until}.',
  'received.pay': 'Paga {total} por {method} e indica la referencia {reference}.',
  'confirmed.subject': 'El pedido {number} en {shop} está confirmado',
  'confirmed.intro': 'Recibimos tu pago de {total}. La tienda enviará antes del {shipBy}.',
  'shipped.subject': 'El pedido {number} va en camino',
  'shipped.intro': 'Tu pedido salió con {carrier}, número de guía {tracking}.',
  'cancelled.subject': 'El pedido {number} fue cancelado',
  'cancelled.intro': 'Tu pedido {number} en {shop} fue cancelado. Cualquier pago se reembolsa.',
  'expired.subject': 'El pedido {number} venció',
  'expired.intro': 'No recibimos el pago del pedido {number} a tiempo, así que se liberó.',
  'new.subject': 'Pedido nuevo {number}: {total}',
  'new.intro': 'Un comprador en {country} pidió en {shop}. Pago: {method} ({status}).',
  'attention.subject': 'El pago del pedido vencido {number} necesita reembolso',
  'attention.intro':
    'Llegó un pago de {total} para el pedido {number} después de vencer y sin existencias. Reembólsalo, por favor.',
  'common.items': 'Artículos',
  'common.total': 'Total',
  'common.status': 'Consulta tu pedido: {url}',
  'common.thanks': 'Gracias por comprarle al pueblo.',
  'status.pending_payment': 'pendiente de pago',
  'status.paid': 'pagado',
};

/** The email catalogues (en, zh-CN, es-MX). */
export const emailCatalogues = defineCatalogues<Key>(en, { 'zh-CN': zh, 'es-MX': es });

/** Key of an email text. */
export type EmailMessageKey = Key;

/** A translate function for emails in `locale` (English for any other). */
export function emailText(locale: string): Translate<Key> {
  const l: Locale = isLocale(locale) ? locale : 'en';
  return translator(emailCatalogues, l);
}
