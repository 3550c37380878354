import { AldeaError } from '../errors.js';
import type { ConversionRate } from '../fx/derive-rate.js';
import {
  DEFAULT_FX_STALENESS,
  type FxStalenessPolicy,
  type RateFreshness,
  rateFreshness,
} from '../fx/staleness.js';
import type { Money } from '../money/money.js';
import { type Converter, converterFor } from './converter.js';
import type { PricingRule, RoundingRule } from './rounding.js';

/** Why a variant has no price in a currency. Shown as "unavailable", never as 0. */
export type PriceUnavailableReason =
  | 'NO_RATE'
  | 'RATE_TOO_OLD'
  | 'CURRENCY_NOT_OFFERED'
  | 'AMOUNT_TOO_LARGE';

/** Where a resolved price came from. */
export type PriceProvenance =
  /** The seller fixed this price for this currency. */
  | { kind: 'fixed' }
  /** The buyer pays in the shop's base currency: the seller's own price. */
  | { kind: 'base' }
  | {
      kind: 'converted';
      /** The shop's base currency. */
      from: string;
      /** The rate as people read it ("0.1409776499"). */
      rate: string;
      /** The `fx_…` ids used, joined with "+" (two for a cross rate through EUR). */
      rateId: string;
      rateIds: string[];
      asOf: Date;
      rule: RoundingRule;
      neverBelow: boolean;
      marginBps: number;
      /** The rate is older than the staleness policy's flag age (still used). */
      stale: boolean;
    };

/** The result of {@link resolvePrice}. */
export type PriceResult =
  | { ok: true; amount: Money; provenance: PriceProvenance }
  | { ok: false; reason: PriceUnavailableReason };

/** Everything {@link resolvePrice} needs; nothing is read from anywhere else. */
export interface ResolvePriceInput {
  /** The variant's price in the shop's base currency, minor units. */
  baseAmountMinor: number;
  baseCurrency: string;
  /** Prices the seller fixed per buyer currency (minor units); they always win. */
  fixedPrices?: Partial<Record<string, number>>;
  buyerCurrency: string;
  /** base → buyer rate (see `deriveRate`); absent when there is none. */
  rate?: ConversionRate;
  rule: PricingRule;
  /** FX margin on converted prices, in basis points (250 = 2.5 %). */
  marginBps: number;
  now: Date;
  /** The currencies the shop offers; others are `CURRENCY_NOT_OFFERED`. Omit to skip the check. */
  offered?: readonly string[];
  staleness?: FxStalenessPolicy;
}

function badInput(path: string, message: string): AldeaError {
  return new AldeaError('VALIDATION', `resolvePrice: ${path} ${message}`, [{ path, message }]);
}

function checkAmount(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw badInput(path, 'must be a non-negative integer in minor units');
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

type ConversionInput = Omit<ResolvePriceInput, 'baseAmountMinor' | 'fixedPrices'>;

/** Checks the rate's pair and the margin; returns the rate's freshness at `now`. */
function checkConversion(input: ConversionInput, rate: ConversionRate): RateFreshness {
  if (rate.from !== input.baseCurrency || rate.to !== input.buyerCurrency) {
    throw badInput(
      'rate',
      `converts ${rate.from}→${rate.to}, not ${input.baseCurrency}→${input.buyerCurrency}`,
    );
  }
  if (!Number.isInteger(input.marginBps) || input.marginBps < 0 || input.marginBps > 5000) {
    throw badInput('marginBps', 'must be an integer between 0 and 5000');
  }
  return rateFreshness(rate.asOf, input.now, input.staleness ?? DEFAULT_FX_STALENESS);
}

function convertedProvenance(
  input: ConversionInput,
  rate: ConversionRate,
  freshness: RateFreshness,
): PriceProvenance {
  return {
    kind: 'converted',
    from: input.baseCurrency,
    rate: rate.display,
    rateId: rate.rateIds.length === 1 ? rate.rateIds[0]! : rate.rateIds.join('+'),
    rateIds: rate.rateIds,
    asOf: rate.asOf,
    rule: input.rule.rounding,
    neverBelow: input.rule.neverBelow,
    marginBps: input.marginBps,
    stale: freshness === 'stale',
  };
}

/**
 * Everything about pricing in one (base → buyer) currency pair that does not
 * depend on the variant, worked out once: a pricer prepares this when it loads
 * and then prices each variant with {@link priceWithConversion}.
 */
export interface PreparedConversion {
  readonly baseCurrency: string;
  readonly buyerCurrency: string;
  readonly offered: boolean;
  /** Why converted prices are impossible, if they are. */
  readonly unavailable: PriceUnavailableReason | undefined;
  readonly converter: Converter | undefined;
  /** The provenance every converted price shares (frozen). */
  readonly provenance: PriceProvenance | undefined;
}

/**
 * Prepares a currency pair for {@link priceWithConversion}: checks the rate,
 * margin and rule, classifies the rate's age at `now`, compiles the converter.
 *
 * @throws AldeaError VALIDATION for a rule that does not fit, a rate of another pair, a bad margin
 */
export function prepareConversion(
  input: Omit<ResolvePriceInput, 'baseAmountMinor' | 'fixedPrices'>,
): PreparedConversion {
  const { baseCurrency, buyerCurrency, rate } = input;
  const offered = !input.offered || input.offered.includes(buyerCurrency);
  const prepared = {
    baseCurrency,
    buyerCurrency,
    offered,
    converter: undefined,
    provenance: undefined,
  };
  if (!offered) return { ...prepared, unavailable: 'CURRENCY_NOT_OFFERED' };
  if (buyerCurrency === baseCurrency) return { ...prepared, unavailable: undefined };
  if (!rate) return { ...prepared, unavailable: 'NO_RATE' };
  const freshness = checkConversion(input, rate);
  if (freshness === 'too_old') return { ...prepared, unavailable: 'RATE_TOO_OLD' };
  return {
    ...prepared,
    unavailable: undefined,
    converter: converterFor(rate, input.rule, input.marginBps),
    provenance: Object.freeze(convertedProvenance(input, rate, freshness)),
  };
}

const FIXED: PriceProvenance = Object.freeze({ kind: 'fixed' as const });
const BASE: PriceProvenance = Object.freeze({ kind: 'base' as const });

/**
 * Prices one variant with a prepared conversion — the same answer as
 * {@link resolvePrice} with the same inputs, minus the per-call preparation.
 */
export function priceWithConversion(
  p: PreparedConversion,
  baseAmountMinor: number,
  fixedPrices?: Partial<Record<string, number>>,
): PriceResult {
  checkAmount(baseAmountMinor, 'baseAmountMinor');
  if (!p.offered) return { ok: false, reason: 'CURRENCY_NOT_OFFERED' };
  const fixed = fixedPrices?.[p.buyerCurrency];
  if (fixed !== undefined) {
    checkAmount(fixed, `fixedPrices.${p.buyerCurrency}`);
    return {
      ok: true,
      amount: { amountMinor: fixed, currency: p.buyerCurrency },
      provenance: FIXED,
    };
  }
  if (p.buyerCurrency === p.baseCurrency) {
    return {
      ok: true,
      amount: { amountMinor: baseAmountMinor, currency: p.baseCurrency },
      provenance: BASE,
    };
  }
  if (p.unavailable || !p.converter || !p.provenance) {
    return { ok: false, reason: p.unavailable ?? 'NO_RATE' };
  }
  const minor = p.converter.convert(baseAmountMinor);
  if (minor > MAX_SAFE) return { ok: false, reason: 'AMOUNT_TOO_LARGE' };
  return {
    ok: true,
    amount: { amountMinor: Number(minor), currency: p.buyerCurrency },
    provenance: p.provenance,
  };
}

/**
 * THE price of a variant in a buyer currency — one pure function used by the
 * storefront, carts, checkout and the admin preview. Precedence:
 * 1. a fixed price for the buyer currency (always wins);
 * 2. the base price, when the buyer pays in the base currency;
 * 3. base × rate × (1 + margin), exactly (bigint fractions), then the rounding rule.
 *
 * A variant that cannot be priced is `{ ok: false, reason }` — never 0.
 * `RATE_TOO_OLD` once the rate is older than the staleness policy allows; a rate
 * past the flag age still prices, with `stale: true`. Provenance objects are
 * frozen and may be shared between results.
 *
 * @example
 * resolvePrice({
 *   baseAmountMinor: 35000, baseCurrency: 'MXN', buyerCurrency: 'USD',
 *   rate: deriveRate(latest, 'MXN', 'USD'),           // 0.0512
 *   rule: { rounding: 'end-99', neverBelow: false }, marginBps: 0, now,
 * });
 * // { ok: true, amount: { amountMinor: 1799, currency: 'USD' }, provenance: { kind: 'converted', … } }
 * @throws AldeaError VALIDATION for a negative or fractional amount, a rule that does not fit
 *   the buyer currency, or a rate for another pair (programming errors, not buyer outcomes)
 */
export function resolvePrice(input: ResolvePriceInput): PriceResult {
  const { buyerCurrency, baseCurrency, rate } = input;
  checkAmount(input.baseAmountMinor, 'baseAmountMinor');
  if (input.offered && !input.offered.includes(buyerCurrency)) {
    return { ok: false, reason: 'CURRENCY_NOT_OFFERED' };
  }
  const fixed = input.fixedPrices?.[buyerCurrency];
  if (fixed !== undefined) {
    checkAmount(fixed, `fixedPrices.${buyerCurrency}`);
    return { ok: true, amount: { amountMinor: fixed, currency: buyerCurrency }, provenance: FIXED };
  }
  if (buyerCurrency === baseCurrency) {
    return {
      ok: true,
      amount: { amountMinor: input.baseAmountMinor, currency: baseCurrency },
      provenance: BASE,
    };
  }
  if (!rate) return { ok: false, reason: 'NO_RATE' };
  const freshness = checkConversion(input, rate);
  if (freshness === 'too_old') return { ok: false, reason: 'RATE_TOO_OLD' };
  const minor = converterFor(rate, input.rule, input.marginBps).convert(input.baseAmountMinor);
  if (minor > MAX_SAFE) return { ok: false, reason: 'AMOUNT_TOO_LARGE' };
  return {
    ok: true,
    amount: { amountMinor: Number(minor), currency: buyerCurrency },
    provenance: convertedProvenance(input, rate, freshness),
  };
}
