import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import type {
  CheckoutLineRef,
  checkouts,
  PostalAddress,
  ShippingSnapshot,
} from '../schema/orders.js';
import { checkoutByToken } from './order-statements.js';
import { CheckoutToken } from './schemas.js';

/** The next thing the buyer has to do. */
export type CheckoutStep = 'contact' | 'shipping' | 'payment' | 'review' | 'placed';

/** A checkout in progress, as pages show it. */
export interface CheckoutView {
  id: string;
  token: string;
  currency: string;
  locale: string;
  lines: CheckoutLineRef[];
  email: string | null;
  address: PostalAddress | null;
  shippingRateId: string | null;
  paymentMethod: string | null;
  quoteId: string | null;
  shipping: ShippingSnapshot | null;
  orderId: string | null;
  step: CheckoutStep;
  updatedAt: Date;
}

/**
 * A checkout row, with the id of the order placed from it when it was read
 * with one (`orders_checkout_uq`); a row just updated by a step has none.
 */
type Row = typeof checkouts.$inferSelect & { orderId?: string | null };

function stepOf(c: Row): CheckoutStep {
  if (c.orderId) return 'placed';
  if (!c.email || !c.address) return 'contact';
  if (!c.shippingRateId) return 'shipping';
  if (!c.paymentMethod) return 'payment';
  return 'review';
}

/** Maps a checkout row to its view, working out the next step. */
export function toCheckoutView(c: Row): CheckoutView {
  return {
    id: c.id,
    token: c.token,
    currency: c.currency,
    locale: c.locale,
    lines: c.lines,
    email: c.email,
    address: c.address,
    shippingRateId: c.shippingRateId,
    paymentMethod: c.paymentMethod,
    quoteId: c.quoteId,
    shipping: c.shipping,
    orderId: c.orderId ?? null,
    step: stepOf(c),
    updatedAt: c.updatedAt,
  };
}

/** The checkout row behind a token in this shop, or NOT_FOUND (a malformed token too). */
export async function loadCheckoutRow(db: Db, shopId: string, token: string): Promise<Row> {
  if (!CheckoutToken.safeParse(token).success) throw notFound('checkout');
  const [row] = checkoutByToken(db).all({ shopId, token });
  if (!row) throw notFound('checkout');
  return row;
}
