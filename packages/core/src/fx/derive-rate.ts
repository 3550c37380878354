import {
  type Fraction,
  fractionToSignificant,
  multiplyDecimalText,
  parseDecimal,
} from '../money/decimal.js';
import type { FxRateRecord } from './latest-rates.js';

/**
 * How many `to` units one `from` unit buys, exactly: `numerator ÷ denominator`,
 * both decimal text. A stored rate has denominator "1"; its inverse has
 * numerator "1"; a cross rate through EUR is `(EUR→to) ÷ (EUR→from)`, which is
 * rarely a terminating decimal, so it is kept as this fraction and never
 * rounded before the final price.
 */
export interface ConversionRate {
  from: string;
  to: string;
  numerator: string;
  denominator: string;
  /** The rate as people read it, 10 significant digits (exact for a stored rate). */
  display: string;
  /** The `fx_…` ids used: one for a stored or inverted rate, two through EUR. */
  rateIds: string[];
  /** The oldest as-of among the rates used. */
  asOf: Date;
  /** `direct`, `inverse` or `cross` (through EUR). */
  path: 'direct' | 'inverse' | 'cross';
  /** True when a shop's own manual rate is used. */
  shopOwned: boolean;
}

/** The pivot of cross rates: the ECB publishes everything against the euro. */
export const FX_PIVOT = 'EUR';

interface Leg {
  numerator: string;
  denominator: string;
  ids: string[];
  asOf: Date;
  shopOwned: boolean;
}

function fractionOf(numerator: string, denominator: string): Fraction {
  const n = parseDecimal(numerator)!;
  const d = parseDecimal(denominator)!;
  // (n.int / 10^n.scale) / (d.int / 10^d.scale)
  const shift = n.scale - d.scale;
  return shift >= 0
    ? { n: n.int, d: d.int * 10n ** BigInt(shift) }
    : { n: n.int * 10n ** BigInt(-shift), d: d.int };
}

/** Picks, per ordered pair, the shop's own rate over the platform's. */
function bestByPair(rates: readonly FxRateRecord[]): Map<string, FxRateRecord> {
  const best = new Map<string, FxRateRecord>();
  for (const r of rates) {
    const key = `${r.base}>${r.quote}`;
    const have = best.get(key);
    const better =
      !have ||
      (r.shopId !== null && have.shopId === null) ||
      ((r.shopId === null) === (have.shopId === null) && r.asOf > have.asOf);
    if (better) best.set(key, r);
  }
  return best;
}

function legOf(
  best: Map<string, FxRateRecord>,
  from: string,
  to: string,
): (Leg & { path: 'direct' | 'inverse' }) | undefined {
  const direct = best.get(`${from}>${to}`);
  const inverse = best.get(`${to}>${from}`);
  const pick =
    direct && inverse
      ? direct.shopId !== null || (inverse.shopId === null && direct.asOf >= inverse.asOf)
        ? direct
        : inverse
      : (direct ?? inverse);
  if (!pick) return undefined;
  const isDirect = pick === direct;
  return {
    numerator: isDirect ? pick.rate : '1',
    denominator: isDirect ? '1' : pick.rate,
    ids: [pick.id],
    asOf: pick.asOf,
    shopOwned: pick.shopId !== null,
    path: isDirect ? 'direct' : 'inverse',
  };
}

function finish(from: string, to: string, leg: Leg, path: ConversionRate['path']): ConversionRate {
  return {
    from,
    to,
    numerator: leg.numerator,
    denominator: leg.denominator,
    display: fractionToSignificant(fractionOf(leg.numerator, leg.denominator), 10),
    rateIds: leg.ids,
    asOf: leg.asOf,
    path,
    shopOwned: leg.shopOwned,
  };
}

/**
 * Finds the rate that converts `from` into `to` among the latest rates. Pure.
 *
 * Precedence: a shop's own rate for the pair (either direction) wins; otherwise
 * the newest of the stored rate, its inverse, and the cross rate through EUR
 * (whose as-of is its older leg) — on equal dates in that order. Returns
 * `undefined` when no path exists or `from === to`.
 *
 * @example
 * // ECB: 1 EUR = 8.2013 CNY and 1 EUR = 1.1562 USD
 * deriveRate(latest, 'CNY', 'USD');
 * // { numerator: '1.1562', denominator: '8.2013', display: '0.1409776499', path: 'cross', … }
 */
export function deriveRate(
  rates: readonly FxRateRecord[],
  from: string,
  to: string,
): ConversionRate | undefined {
  if (from === to) return undefined;
  const best = bestByPair(rates);
  const pair = legOf(best, from, to);
  if (pair?.shopOwned) return finish(from, to, pair, pair.path);

  let cross: Leg | undefined;
  if (from !== FX_PIVOT && to !== FX_PIVOT) {
    const toLeg = legOf(best, FX_PIVOT, to);
    const fromLeg = legOf(best, FX_PIVOT, from);
    if (toLeg && fromLeg) {
      // from→to = (EUR→to) ÷ (EUR→from) = (tN × fD) ÷ (tD × fN)
      cross = {
        numerator: multiplyDecimalText(toLeg.numerator, fromLeg.denominator),
        denominator: multiplyDecimalText(toLeg.denominator, fromLeg.numerator),
        ids: [...toLeg.ids, ...fromLeg.ids],
        asOf: new Date(Math.min(toLeg.asOf.getTime(), fromLeg.asOf.getTime())),
        shopOwned: toLeg.shopOwned || fromLeg.shopOwned,
      };
    }
  }
  if (pair && (!cross || pair.asOf >= cross.asOf)) return finish(from, to, pair, pair.path);
  return cross ? finish(from, to, cross, 'cross') : undefined;
}

/** The exact value of a conversion rate as a fraction (for arithmetic). */
export function conversionFraction(
  rate: Pick<ConversionRate, 'numerator' | 'denominator'>,
): Fraction {
  return fractionOf(rate.numerator, rate.denominator);
}
