import { and, eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { newId, newSecretToken } from '../ids.js';
import { orderStatusPath } from '../orders/order-emails.js';
import { OutOfStockSignal } from '../orders/stock.js';
import { getPaymentSettings } from '../payments/payment-settings.js';
import type { PaymentGateway } from '../payments/provider.js';
import {
  type PaymentLinks,
  type PaymentNext,
  startOrderPayment,
} from '../payments/start-order-payment.js';
import { toProviderAmount } from '../pricing/payment-amount.js';
import { findQuote, isQuoteValid } from '../pricing/quotes.js';
import { orders, type PaymentMethod } from '../schema/orders.js';
import { deliveryWindow, shipByDate } from '../shipping/business-days.js';
import { loadShopOrigin } from '../shipping/shop-origin.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { type CheckoutStep, loadCheckoutRow, toCheckoutView } from './checkout-view.js';
import { inOrderBatch } from './order-batch.js';
import { paymentOptionsFor } from './payment-options.js';
import { totalsFor } from './review-checkout.js';
import { PlaceOrderInput } from './schemas.js';
import { AlreadyPlacedSignal, writeOrder } from './write-order.js';

/** The order just placed, and what the buyer does next to pay. */
export interface PlacedOrder {
  id: string;
  number: number;
  statusToken: string;
  /** `/s/{shop}/orders/{token}`: the buyer's page for this order. */
  statusPath: string;
  totalMinor: number;
  currency: string;
  paymentMethod: PaymentMethod;
  paymentReference: string;
  reservedUntil: Date;
}

/** The outcome of placing an order. Business refusals are values, not exceptions. */
export type PlaceOrderResult =
  | {
      ok: true;
      order: PlacedOrder;
      next: PaymentNext;
      /** Set when the card provider could not be reached: the status page offers to retry. */
      paymentError?: string;
    }
  | { ok: false; reason: 'OUT_OF_STOCK'; variantIds: string[] }
  | { ok: false; reason: 'QUOTE_EXPIRED' }
  | { ok: false; reason: 'INCOMPLETE'; step: CheckoutStep }
  | { ok: false; reason: 'ALREADY_PLACED'; statusPath: string | null };

function tampered(path: string, message: string): AldeaError {
  return new AldeaError('VALIDATION', `refused: ${message}`, [{ path, message, code: 'tampered' }]);
}

function bps(amountMinor: number, rateBps: number): number {
  return Number((BigInt(amountMinor) * BigInt(rateBps)) / 10_000n);
}

/**
 * Step 5: places the order. The form posts back the quote id, total and
 * currency the buyer reviewed; anything that does not match the checkout's
 * locked quote is refused (tampering) and nothing is written. An expired quote
 * sends the buyer back to review. Then ONE transaction inserts the order (once
 * per checkout), reserves stock by conditional updates (two buyers never both get the last
 * one, in one process or many), numbers and writes the order. For a card
 * payment the hosted checkout is created afterwards (outside the transaction);
 * if the provider is unreachable the order still exists and its status page
 * offers to pay. The stock hold lasts as long as the method needs (card
 * ~35 min, manual days — see `setPaymentSettings`); the sweeper releases it.
 */
export async function placeOrder(
  ctx: ShopContext,
  token: string,
  raw: PlaceOrderInput,
  deps: { gateway: PaymentGateway; links: PaymentLinks },
): Promise<PlaceOrderResult> {
  const input = parseInput(PlaceOrderInput, raw);
  const row = await loadCheckoutRow(ctx.db.read, ctx.shop.id, token);
  if (row.orderId) {
    const [placed] = await ctx.db.read
      .select({ token: orders.statusToken })
      .from(orders)
      .where(and(eq(orders.shopId, ctx.shop.id), eq(orders.id, row.orderId)));
    return {
      ok: false,
      reason: 'ALREADY_PLACED',
      statusPath: placed ? orderStatusPath(ctx.shop.slug, placed.token) : null,
    };
  }
  const view = toCheckoutView(row);
  if (view.step !== 'review') return { ok: false, reason: 'INCOMPLETE', step: view.step };
  if (!row.quoteId || !row.shipping || !row.lines.every((l) => l.snapshot)) {
    return { ok: false, reason: 'INCOMPLETE', step: 'review' };
  }
  if (input.quoteId !== row.quoteId) {
    throw tampered('quoteId', 'this is not the order you reviewed; review it again');
  }
  if (input.currency !== row.currency) {
    throw tampered('currency', `the order is in ${row.currency}, not ${input.currency}`);
  }
  const now = ctx.clock.now();
  const quote = await findQuote(ctx, row.quoteId);
  if (!quote) return { ok: false, reason: 'INCOMPLETE', step: 'review' };
  if (!isQuoteValid(quote, now)) return { ok: false, reason: 'QUOTE_EXPIRED' };
  const totals = totalsFor(quote, row.shipping);
  if (input.totalMinor !== totals.totalMinor) {
    throw tampered('totalMinor', 'the amount does not match the reviewed total');
  }

  const [settings, origin] = await Promise.all([getPaymentSettings(ctx), loadShopOrigin(ctx)]);
  const method = paymentOptionsFor(
    settings,
    deps.gateway,
    row.locale,
    ctx.shop.defaultLocale,
  ).options.find((o) => o.method === row.paymentMethod);
  if (!method) return { ok: false, reason: 'INCOMPLETE', step: 'payment' };
  if (method.provider === 'stripe') {
    try {
      toProviderAmount({ amountMinor: totals.totalMinor, currency: totals.currency }, 'stripe');
    } catch (err) {
      throw new AldeaError('VALIDATION', 'cards cannot take this amount: choose another method', [
        { path: 'method', message: (err as Error).message, code: 'provider_amount' },
      ]);
    }
  }

  const address = row.address!;
  const quoteLines = new Map(quote.lines.map((l) => [l.variantId, l]));
  const lines = row.lines.map((l) => ({
    variantId: l.variantId,
    quantity: l.quantity,
    unitAmountMinor: quoteLines.get(l.variantId)!.unit.amountMinor,
    ...l.snapshot!,
  }));
  const converted = quote.lines.find((l) => l.provenance.kind === 'converted')?.provenance;
  const shipBy = shipByDate(now, lines);
  const window = deliveryWindow(shipBy, row.shipping);
  const holdMs =
    method.provider === 'stripe'
      ? settings.cardHoldMinutes * 60_000
      : settings.manualHoldHours * 3_600_000;
  const destination =
    method.provider === 'stripe' && settings.stripeAccountId ? settings.stripeAccountId : null;
  const orderId = newId('order', now.getTime());
  const order = {
    shop: ctx.shop,
    checkoutId: row.id,
    orderId,
    paymentId: newId('payment', now.getTime()),
    statusSecret: newSecretToken(),
    email: row.email!,
    locale: row.locale,
    address,
    quote: {
      id: quote.id,
      fxRate: converted?.kind === 'converted' ? converted.rate : null,
      fxAsOf: converted?.kind === 'converted' ? converted.asOf : null,
    },
    totals,
    shipping: row.shipping,
    lines,
    weightGrams: lines.reduce((s, l) => s + l.weightGrams * l.quantity, 0),
    international: address.country !== origin.country,
    dutiesPaidBySeller: origin.dutiesPaidBySeller,
    shipBy,
    deliveryEarliest: window.earliest,
    deliveryLatest: window.latest,
    paymentMethod: method.method,
    provider: method.provider,
    platformFeeMinor: destination ? bps(totals.totalMinor, settings.platformFeeBps) : 0,
    destinationAccount: destination,
    reservedUntil: new Date(now.getTime() + holdMs),
    instructions: method.instructions,
    now,
  };

  let written: { number: number; reference: string; statusToken: string };
  try {
    written = await inOrderBatch(ctx.db, (tx) => writeOrder(tx, order));
  } catch (err) {
    if (err instanceof OutOfStockSignal) {
      return { ok: false, reason: 'OUT_OF_STOCK', variantIds: err.variantIds };
    }
    if (err instanceof AlreadyPlacedSignal) return placeOrder(ctx, token, raw, deps);
    throw err;
  }

  const placed: PlacedOrder = {
    id: orderId,
    number: written.number,
    statusToken: written.statusToken,
    statusPath: orderStatusPath(ctx.shop.slug, written.statusToken),
    totalMinor: totals.totalMinor,
    currency: totals.currency,
    paymentMethod: method.method,
    paymentReference: written.reference,
    reservedUntil: order.reservedUntil,
  };
  if (method.provider === 'manual')
    return { ok: true, order: placed, next: { kind: 'instructions' } };
  try {
    return { ok: true, order: placed, next: await startOrderPayment(ctx, orderId, deps) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: true, order: placed, next: { kind: 'none' }, paymentError: message };
  }
}
