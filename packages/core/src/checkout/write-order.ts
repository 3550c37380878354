import type { Db } from '../db/database.js';
import { newId, randomPoolBytes } from '../ids.js';
import { sendOrderEmail } from '../orders/order-emails.js';
import { reserveStock } from '../orders/stock.js';
import type { orders, PaymentMethod, PostalAddress, ShippingSnapshot } from '../schema/orders.js';
import {
  insertOrder,
  insertOrderLine,
  insertPayment,
  insertReservation,
  nextOrderNumber,
} from './order-statements.js';
import type { OrderTotals } from './totals.js';

/** Thrown inside the placing transaction when the checkout already became an order. */
export class AlreadyPlacedSignal extends Error {}

/** Everything the placing transaction writes, computed before it starts. */
export interface NewOrder {
  shop: { id: string; slug: string; baseCurrency: string };
  checkoutId: string;
  orderId: string;
  paymentId: string;
  /** The secret part of the buyer's status link (`newSecretToken()`). */
  statusSecret: string;
  email: string;
  locale: string;
  address: PostalAddress;
  quote: { id: string; fxRate: string | null; fxAsOf: Date | null };
  totals: OrderTotals;
  shipping: ShippingSnapshot;
  lines: {
    variantId: string;
    productId: string;
    title: string;
    variantLabel: string;
    sku: string;
    quantity: number;
    unitAmountMinor: number;
    weightGrams: number;
    madeToOrder: boolean;
    processingDaysMax: number;
  }[];
  weightGrams: number;
  international: boolean;
  dutiesPaidBySeller: boolean;
  shipBy: Date;
  deliveryEarliest: Date;
  deliveryLatest: Date;
  paymentMethod: PaymentMethod;
  provider: 'stripe' | 'manual';
  platformFeeMinor: number;
  destinationAccount: string | null;
  reservedUntil: Date;
  /** The shop's instructions for a manual method, in the buyer's language. */
  instructions: string | null;
  now: Date;
}

const REF_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** A reference a person can read out and type: order number + 4 characters ("1042-K7QM"). */
export function paymentReference(number: number): string {
  const bytes = randomPoolBytes(4);
  let suffix = '';
  for (const b of bytes) suffix += REF_ALPHABET[b % REF_ALPHABET.length];
  return `${number}-${suffix}`;
}

/**
 * The placing transaction: takes the shop's next order number, inserts the
 * order (once per checkout: `orders_checkout_uq`), reserves every line's stock
 * with a conditional update, and writes the order's lines, reservations, payment and — for manual methods —
 * the buyer's instructions and the seller's new-order email. All or nothing:
 * any failure (out of stock included) rolls every statement back.
 *
 * @returns the order number, payment reference and the buyer's status token
 *   (`{number}.{secret}`: found by the number, no index over random tokens)
 * @throws AlreadyPlacedSignal, OutOfStockSignal
 */
export async function writeOrder(
  tx: Db,
  o: NewOrder,
): Promise<{ number: number; reference: string; statusToken: string }> {
  const { shop, now } = o;
  const [counter] = nextOrderNumber(tx).all({ shopId: shop.id });
  const number = counter!.number;
  const reference = paymentReference(number);
  const statusToken = `${number}.${o.statusSecret}`;

  const order: typeof orders.$inferSelect = {
    shopId: shop.id,
    id: o.orderId,
    number,
    status: 'pending_payment',
    statusToken,
    checkoutId: o.checkoutId,
    email: o.email,
    locale: o.locale,
    shippingAddress: o.address,
    country: o.address.country,
    currency: o.totals.currency,
    settlementCurrency: shop.baseCurrency,
    quoteId: o.quote.id,
    fxRate: o.quote.fxRate,
    fxAsOf: o.quote.fxAsOf,
    subtotalMinor: o.totals.subtotalMinor,
    shippingMinor: o.totals.shippingMinor,
    taxMinor: o.totals.taxMinor,
    taxInclusive: o.totals.taxInclusive,
    taxRateBps: o.totals.taxRateBps,
    totalMinor: o.totals.totalMinor,
    weightGrams: o.weightGrams,
    shipping: o.shipping,
    international: o.international,
    dutiesPaidBySeller: o.dutiesPaidBySeller,
    shipBy: o.shipBy,
    deliveryEarliest: o.deliveryEarliest,
    deliveryLatest: o.deliveryLatest,
    paymentMethod: o.paymentMethod,
    paymentReference: reference,
    reservedUntil: o.reservedUntil,
    carrier: null,
    trackingNumber: null,
    trackingUrl: null,
    cancelReason: null,
    attention: null,
    createdAt: now,
    updatedAt: now,
    paidAt: null,
    shippedAt: null,
    deliveredAt: null,
    cancelledAt: null,
    expiredAt: null,
  };
  const inserted = insertOrder(tx).run({ ...order, fxAsOfMs: order.fxAsOf?.getTime() ?? null });
  if (inserted.changes === 0) throw new AlreadyPlacedSignal();

  await reserveStock(tx, shop.id, o.lines);

  const lineRows = o.lines.map((l, position) => ({
    shopId: shop.id,
    id: newId('orderLine', now.getTime()),
    orderId: o.orderId,
    position,
    variantId: l.variantId,
    productId: l.productId,
    title: l.title,
    variantLabel: l.variantLabel,
    sku: l.sku,
    quantity: l.quantity,
    unitAmountMinor: l.unitAmountMinor,
    currency: o.totals.currency,
    lineTotalMinor: o.totals.lineTotalsMinor[position]!,
    weightGrams: l.weightGrams,
    madeToOrder: l.madeToOrder,
    processingDaysMax: l.processingDaysMax,
  }));
  const lineStatement = insertOrderLine(tx);
  const reservationStatement = insertReservation(tx);
  for (const line of lineRows) {
    lineStatement.run(line);
    reservationStatement.run({
      shopId: shop.id,
      id: newId('reservation', now.getTime()),
      orderId: o.orderId,
      variantId: line.variantId,
      quantity: line.quantity,
      status: 'held',
      createdAt: now,
      updatedAt: now,
    });
  }
  insertPayment(tx).run({
    shopId: shop.id,
    id: o.paymentId,
    orderId: o.orderId,
    provider: o.provider,
    method: o.paymentMethod,
    status: 'pending',
    amountMinor: o.totals.totalMinor,
    currency: o.totals.currency,
    destinationAccount: o.destinationAccount,
    platformFeeMinor: o.platformFeeMinor,
    createdAt: now,
    updatedAt: now,
  });
  if (o.provider === 'manual') {
    await sendOrderEmail(tx, now, 'order.received', order, lineRows, shop.slug, {
      ...(o.instructions ? { instructions: o.instructions } : {}),
    });
    await sendOrderEmail(tx, now, 'order.new', order, lineRows, shop.slug);
  }
  return { number, reference, statusToken };
}
