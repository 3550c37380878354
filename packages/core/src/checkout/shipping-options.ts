import { and, eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { pickLocalized } from '../i18n/locales.js';
import type { Money } from '../money/money.js';
import type { Pricer } from '../pricing/load-pricer.js';
import { checkouts } from '../schema/orders.js';
import { deliveryWindow, shipByDate } from '../shipping/business-days.js';
import { matchRates } from '../shipping/match-rates.js';
import { listShippingZones } from '../shipping/shipping-zones.js';
import { dutiesNotice, loadShopOrigin } from '../shipping/shop-origin.js';
import type { ShopContext } from '../tenancy/context.js';
import { type CheckoutView, loadCheckoutRow, toCheckoutView } from './checkout-view.js';
import { countryName } from './countries.js';
import { loadLineFacts, parcelOf } from './line-facts.js';
import { checkoutText } from './messages.js';

/** A way to ship this checkout, priced in the buyer's currency. */
export interface ShippingOption {
  rateId: string;
  zoneId: string;
  name: string;
  /** In the checkout currency; null when it cannot be priced in it (no FX rate). */
  amount: Money | null;
  free: boolean;
  deliveryDaysMin: number;
  deliveryDaysMax: number;
  shipBy: Date;
  deliveryEarliest: Date;
  deliveryLatest: Date;
  taxRateBps: number;
  taxInclusive: boolean;
}

/** The shipping step: options for the parcel, and what the buyer should know. */
export interface ShippingChoices {
  country: string;
  weightGrams: number;
  options: ShippingOption[];
  /** A plain sentence for international orders (who pays import duties), else null. */
  dutiesNotice: string | null;
}

/** A pricer for the checkout's currency (see `loadPricer`); `note` says how prices were converted. */
export type CheckoutPricer = Pick<Pricer, 'currency' | 'price'> & {
  readonly note?: Pricer['note'];
};

function assertCurrency(pricer: CheckoutPricer, currency: string) {
  if (pricer.currency !== currency) {
    throw new AldeaError(
      'CURRENCY_MISMATCH',
      `the pricer is for ${pricer.currency}, the checkout is in ${currency}`,
    );
  }
}

/**
 * Step 2: the rates of the zone the address is in whose weight band fits the
 * parcel, with the free-shipping threshold applied, the ship-by date (longest
 * processing time of the lines, in business days) and an estimated delivery
 * window per rate. Needs the contact step done.
 */
export async function listShippingOptions(
  ctx: ShopContext,
  token: string,
  deps: { pricer: CheckoutPricer },
): Promise<ShippingChoices> {
  const row = await loadCheckoutRow(ctx.db.read, ctx.shop.id, token);
  assertCurrency(deps.pricer, row.currency);
  if (!row.address) {
    throw new AldeaError('CONFLICT', 'enter a shipping address first', [
      { path: 'address', message: 'missing', code: 'step' },
    ]);
  }
  const country = row.address.country;
  const [zones, facts, origin] = await Promise.all([
    listShippingZones(ctx),
    loadLineFacts(ctx.db.read, ctx.shop.id, row.lines),
    loadShopOrigin(ctx),
  ]);
  const { weightGrams, baseSubtotalMinor } = parcelOf(row.lines, facts);
  const shipBy = shipByDate(ctx.clock.now(), [...facts.values()]);
  const options = matchRates(zones, country, weightGrams, baseSubtotalMinor).map((m) => {
    const priced = m.free
      ? { ok: true as const, amount: { amountMinor: 0, currency: row.currency } }
      : deps.pricer.price({ priceMinor: m.rate.amountMinor, fixedPrices: {} });
    const window = deliveryWindow(shipBy, m.rate);
    return {
      rateId: m.rate.id,
      zoneId: m.zone.id,
      name: pickLocalized(m.rate.name, row.locale, ctx.shop.defaultLocale)?.value ?? m.zone.name,
      amount: priced.ok ? priced.amount : null,
      free: m.free,
      deliveryDaysMin: m.rate.deliveryDaysMin,
      deliveryDaysMax: m.rate.deliveryDaysMax,
      shipBy,
      deliveryEarliest: window.earliest,
      deliveryLatest: window.latest,
      taxRateBps: m.zone.taxRateBps,
      taxInclusive: m.zone.taxInclusive,
    };
  });
  const notice = dutiesNotice(origin, country);
  return {
    country,
    weightGrams,
    options,
    dutiesNotice: notice
      ? checkoutText(row.locale)(notice.key, { country: countryName(country, row.locale) })
      : null,
  };
}

/**
 * Chooses one of the listed shipping options (one that can be priced in the
 * checkout currency). Drops any earlier review.
 */
export async function chooseShippingRate(
  ctx: ShopContext,
  token: string,
  input: { rateId: string },
  deps: { pricer: CheckoutPricer },
): Promise<CheckoutView> {
  const choices = await listShippingOptions(ctx, token, deps);
  const option = choices.options.find((o) => o.rateId === input.rateId);
  if (!option?.amount) {
    throw new AldeaError('VALIDATION', 'choose one of the shipping options shown', [
      { path: 'rateId', message: 'not an available shipping option', code: 'rate' },
    ]);
  }
  const now = ctx.clock.now();
  const [updated] = await ctx.db.transaction((tx) =>
    tx
      .update(checkouts)
      .set({ shippingRateId: option.rateId, shipping: null, quoteId: null, updatedAt: now })
      .where(and(eq(checkouts.shopId, ctx.shop.id), eq(checkouts.token, token)))
      .returning(),
  );
  return toCheckoutView(updated!);
}
