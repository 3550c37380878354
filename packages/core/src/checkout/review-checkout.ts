import { and, eq } from 'drizzle-orm';
import { findVariants } from '../catalog/index.js';
import type { Money } from '../money/money.js';
import type { PaymentGateway } from '../payments/provider.js';
import type { PriceNote } from '../pricing/load-pricer.js';
import {
  createQuote,
  findQuote,
  isQuoteValid,
  type Quote,
  type QuoteChange,
  quoteChanges,
} from '../pricing/quotes.js';
import type { PriceUnavailableReason } from '../pricing/resolve-price.js';
import { type CheckoutLineRef, checkouts, type ShippingSnapshot } from '../schema/orders.js';
import { deliveryWindow, shipByDate } from '../shipping/business-days.js';
import type { ShopContext } from '../tenancy/context.js';
import {
  type CheckoutStep,
  type CheckoutView,
  loadCheckoutRow,
  toCheckoutView,
} from './checkout-view.js';
import { listPaymentOptions, type PaymentOption } from './payment-options.js';
import { type CheckoutPricer, listShippingOptions } from './shipping-options.js';
import { computeTotals, type OrderTotals } from './totals.js';

/** One reviewed line: what it is and what it costs, locked by the quote. */
export interface ReviewLine {
  variantId: string;
  title: string;
  variantLabel: string;
  sku: string;
  quantity: number;
  unit: Money;
  total: Money;
  madeToOrder: boolean;
}

/** The review step: everything the buyer confirms before placing the order. */
export interface CheckoutReview {
  checkout: CheckoutView;
  quoteId: string;
  quoteExpiresAt: Date;
  /** The "converted from CNY on …" note when prices were converted. */
  priceNote: PriceNote | undefined;
  lines: ReviewLine[];
  shipping: ShippingSnapshot;
  totals: OrderTotals;
  shipBy: Date;
  deliveryEarliest: Date;
  deliveryLatest: Date;
  dutiesNotice: string | null;
  payment: PaymentOption;
  /** Prices that changed since an earlier review whose quote ran out: tell the buyer. */
  changes: QuoteChange[];
}

/** What can stop a review. */
export type ReviewResult =
  | { ok: true; review: CheckoutReview }
  | { ok: false; reason: 'INCOMPLETE'; step: CheckoutStep }
  | { ok: false; reason: PriceUnavailableReason | 'UNAVAILABLE'; variantIds: string[] };

/** How long the reviewed prices hold (the buyer places the order within it). */
export const REVIEW_QUOTE_MINUTES = 30;

function sameLines(quote: Quote, lines: readonly CheckoutLineRef[]): boolean {
  return (
    quote.lines.length === lines.length &&
    lines.every((l) =>
      quote.lines.some((q) => q.variantId === l.variantId && q.quantity === l.quantity),
    )
  );
}

/** Pure: the review's numbers from a quote and a shipping snapshot. */
export function totalsFor(quote: Quote, shipping: ShippingSnapshot): OrderTotals {
  return computeTotals({
    currency: quote.currency,
    lines: quote.lines.map((l) => ({ unitAmountMinor: l.unit.amountMinor, quantity: l.quantity })),
    shippingMinor: shipping.amountMinor,
    taxRateBps: shipping.taxRateBps,
    taxInclusive: shipping.taxInclusive,
  });
}

/**
 * Step 4: locks the prices. Reuses the checkout's quote while it is valid and
 * still matches the lines; otherwise prices the lines again into a new quote
 * (`createQuote`), snapshots each line (title, SKU, weight…) and the shipping
 * price in the quote currency, and reports what changed. The totals are
 * integer minor units that always sum: Σ lines + shipping (+ tax when
 * exclusive).
 */
export async function reviewCheckout(
  ctx: ShopContext,
  token: string,
  deps: { pricer: CheckoutPricer; gateway: PaymentGateway },
): Promise<ReviewResult> {
  let row = await loadCheckoutRow(ctx.db.read, ctx.shop.id, token);
  const step = toCheckoutView(row).step;
  if (step !== 'review') return { ok: false, reason: 'INCOMPLETE', step };
  const now = ctx.clock.now();
  const shippingChoices = await listShippingOptions(ctx, token, deps);
  const payments = await listPaymentOptions(ctx, token, deps);
  const payment = payments.options.find((o) => o.method === row.paymentMethod);
  if (!payment) return { ok: false, reason: 'INCOMPLETE', step: 'payment' };

  const previous = row.quoteId ? await findQuote(ctx, row.quoteId) : undefined;
  let quote = previous;
  const priceNote: PriceNote | undefined = deps.pricer.note;
  let changes: QuoteChange[] = [];
  const snapshotted = row.lines.every((l) => l.snapshot);
  if (
    !quote ||
    !isQuoteValid(quote, now) ||
    quote.currency !== row.currency ||
    !sameLines(quote, row.lines) ||
    !row.shipping ||
    !snapshotted
  ) {
    const option = shippingChoices.options.find((o) => o.rateId === row.shippingRateId);
    if (!option?.amount) return { ok: false, reason: 'INCOMPLETE', step: 'shipping' };
    const found = await findVariants(
      ctx,
      row.lines.map((l) => l.variantId),
    );
    const byId = new Map(found.filter((v) => v.product.status === 'active').map((v) => [v.id, v]));
    const missing = row.lines.filter((l) => !byId.has(l.variantId)).map((l) => l.variantId);
    if (missing.length > 0) return { ok: false, reason: 'UNAVAILABLE', variantIds: missing };
    const created = await createQuote(ctx, {
      currency: row.currency,
      ttlMinutes: REVIEW_QUOTE_MINUTES,
      lines: row.lines.map((l) => {
        const v = byId.get(l.variantId)!;
        return {
          variantId: l.variantId,
          quantity: l.quantity,
          priceMinor: v.priceMinor,
          fixedPrices: v.fixedPrices as Record<string, number>,
        };
      }),
    });
    if (!created.ok) return { ok: false, reason: created.reason, variantIds: created.variantIds };
    quote = created.quote;
    if (previous) changes = quoteChanges(previous, quote);
    const shipping: ShippingSnapshot = {
      zoneId: option.zoneId,
      rateId: option.rateId,
      name: option.name,
      amountMinor: option.amount.amountMinor,
      free: option.free,
      deliveryDaysMin: option.deliveryDaysMin,
      deliveryDaysMax: option.deliveryDaysMax,
      taxRateBps: option.taxRateBps,
      taxInclusive: option.taxInclusive,
    };
    const lines: CheckoutLineRef[] = row.lines.map((l) => {
      const v = byId.get(l.variantId)!;
      return {
        variantId: l.variantId,
        quantity: l.quantity,
        snapshot: {
          productId: v.productId,
          title: v.product.title,
          variantLabel: v.label,
          sku: v.sku,
          weightGrams: v.weightGrams,
          madeToOrder: v.madeToOrder,
          processingDaysMax: v.processingDaysMax,
        },
      };
    });
    const quoteId = quote.id;
    const [updated] = await ctx.db.transaction((tx) =>
      tx
        .update(checkouts)
        .set({ quoteId, shipping, lines, updatedAt: now })
        .where(and(eq(checkouts.shopId, ctx.shop.id), eq(checkouts.id, row.id)))
        .returning(),
    );
    row = updated!;
  }

  const shipping = row.shipping!;
  const snapshots = row.lines.map((l) => l.snapshot!);
  const shipBy = shipByDate(now, snapshots);
  const window = deliveryWindow(shipBy, shipping);
  return {
    ok: true,
    review: {
      checkout: toCheckoutView(row),
      quoteId: quote.id,
      quoteExpiresAt: quote.expiresAt,
      priceNote,
      lines: quote.lines.map((q) => {
        const snap = row.lines.find((l) => l.variantId === q.variantId)!.snapshot!;
        return {
          variantId: q.variantId,
          title: snap.title,
          variantLabel: snap.variantLabel,
          sku: snap.sku,
          quantity: q.quantity,
          unit: q.unit,
          total: q.total,
          madeToOrder: snap.madeToOrder,
        };
      }),
      shipping,
      totals: totalsFor(quote, shipping),
      shipBy,
      deliveryEarliest: window.earliest,
      deliveryLatest: window.latest,
      dutiesNotice: shippingChoices.dutiesNotice,
      payment,
      changes,
    },
  };
}
