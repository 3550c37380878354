import { isLocale, type Locale } from '../i18n/locales.js';
import { defineCatalogues, type Translate, translator } from '../i18n/messages.js';

/**
 * Buyer-facing texts core produces itself: address errors (so every caller —
 * storefront, API — shows them in the buyer's language), payment method names
 * and the duties notice.
 */
const en = {
  'field.required': 'Please fill this in.',
  'field.tooLong': 'Use at most {max} characters.',
  'field.markup': 'Please remove the characters < and >.',
  'email.invalid': 'Enter an email address such as ana@example.com.',
  'country.invalid': 'Choose a country from the list.',
  'country.notShipped': 'This shop does not ship to {country} yet.',
  'postalCode.invalid': 'Enter a postal code such as {example}.',
  'region.required': 'Enter the state, province or prefecture.',
  'region.usState': 'Use the two-letter state code, such as CA or NY.',
  'phone.invalid': 'Enter a phone number with its country code, such as +52 415 123 4567.',
  'method.card': 'Card (Visa, Mastercard…) through Stripe',
  'method.bank_transfer': 'Bank transfer',
  'method.cash': 'Cash on delivery or pickup',
  'method.pay_at_coop': 'Pay at the village co-op',
  'duties.buyer':
    'International order: import duties and taxes in {country} are not included and are paid by you on delivery.',
  'duties.seller':
    'International order: the shop pays import duties; nothing more to pay on delivery.',
  'card.unavailable':
    'Card payments are not available in this shop right now; choose a manual method.',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  'field.required': '请填写此项。',
  'field.tooLong': '最多 {max} 个字符。',
  'field.markup': '请删除字符 < 和 >。',
  'email.invalid': '请输入电子邮箱，例如 ana@example.com。',
  'country.invalid': '请从列表中选择国家或地区。',
  'country.notShipped': '本店暂不配送到{country}。',
  'postalCode.invalid': '请输入邮政编码，例如 {example}。',
  'region.required': '请填写省、州或都道府县。',
  'region.usState': '请使用两个字母的州代码，例如 CA 或 NY。',
  'phone.invalid': '请输入带国家代码的电话号码，例如 +86 571 1234 5678。',
  'method.card': '银行卡（Visa、Mastercard 等，经 Stripe 支付）',
  'method.bank_transfer': '银行转账',
  'method.cash': '货到付款或自提付款',
  'method.pay_at_coop': '到村合作社付款',
  'duties.buyer': '国际订单：{country}的进口关税和税费未包含在内，由您在收货时支付。',
  'duties.seller': '国际订单：进口关税由店铺承担，收货时无需另付。',
  'card.unavailable': '本店目前无法使用银行卡支付，请选择其他付款方式。',
};

const es: Record<Key, string> = {
  'field.required': 'Completa este campo.',
  'field.tooLong': 'Usa como máximo {max} caracteres.',
  'field.markup': 'Quita los caracteres < y >.',
  'email.invalid': 'Escribe un correo como ana@ejemplo.com.',
  'country.invalid': 'Elige un país de la lista.',
  'country.notShipped': 'Esta tienda todavía no envía a {country}.',
  'postalCode.invalid': 'Escribe un código postal como {example}.',
  'region.required': 'Escribe el estado, provincia o prefectura.',
  'region.usState': 'Usa el código de estado de dos letras, como CA o NY.',
  'phone.invalid': 'Escribe un teléfono con su código de país, como +52 415 123 4567.',
  'method.card': 'Tarjeta (Visa, Mastercard…) con Stripe',
  'method.bank_transfer': 'Transferencia bancaria',
  'method.cash': 'Efectivo contra entrega o al recoger',
  'method.pay_at_coop': 'Pago en la cooperativa del pueblo',
  'duties.buyer':
    'Pedido internacional: los aranceles e impuestos de importación de {country} no están incluidos y los pagas al recibir.',
  'duties.seller':
    'Pedido internacional: la tienda paga los aranceles; no pagas nada más al recibir.',
  'card.unavailable':
    'El pago con tarjeta no está disponible en esta tienda ahora; elige un método manual.',
};

/** The checkout catalogues (en, zh-CN, es-MX); a test checks no key is missing. */
export const checkoutCatalogues = defineCatalogues<Key>(en, { 'zh-CN': zh, 'es-MX': es });

/** Key of a checkout text. */
export type CheckoutMessageKey = Key;

/** A translate function for checkout texts in `locale` (English when it is not one of ours). */
export function checkoutText(locale: string): Translate<Key> {
  const l: Locale = isLocale(locale) ? locale : 'en';
  return translator(checkoutCatalogues, l);
}
