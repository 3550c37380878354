import type { Locale, MediaView, OrderView, ShopContext, Translate } from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import type { FormValues } from '../ui/fields.js';

/** The forms of the order page; a failed one comes back with its input and errors. */
export type OrderForm = 'confirm' | 'ship' | 'deliver' | 'cancel' | 'refund';

/** A form that failed: its input and errors, and a sentence shown at the top of the page (the form may be gone: the order moved on). */
export interface FailedOrderForm {
  form: OrderForm;
  values: FormValues;
  errors: FieldErrors;
  notice?: string;
}

/** What every part of the order page needs. */
export interface OrderPageProps {
  t: Translate<MessageKey>;
  locale: Locale;
  links: Links;
  csrf: string;
  shop: ShopContext;
  order: OrderView;
  /** The shop's time zone (its village's country). */
  timeZone: string;
  /** The buyer's receipt photo, when they sent one. */
  receipt: MediaView | undefined;
  failed?: FailedOrderForm;
}

/** The failed state of one form, or nothing. */
export function failedFor(p: OrderPageProps, form: OrderForm) {
  return p.failed?.form === form ? p.failed : undefined;
}

/** The URL an order form posts to. */
export function orderAction(p: Pick<OrderPageProps, 'links' | 'shop' | 'order'>, path: string) {
  return p.links.shop(p.shop.shop.id, `/orders/${p.order.id}${path}`);
}
