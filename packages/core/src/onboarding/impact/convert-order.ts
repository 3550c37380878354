import { type ConversionRate, conversionFraction, deriveRate } from '../../fx/derive-rate.js';
import type { FxRateRecord } from '../../fx/latest-rates.js';
import { currencyExponent } from '../../money/currencies.js';
import { type Fraction, parseDecimal, pow10 } from '../../money/decimal.js';

/** What an order says about its money: the amount, its currency, and the rate locked with it. */
export interface OrderMoney {
  currency: string;
  settlementCurrency: string;
  /** Exact decimal, 1 settlement unit = `fxRate` order units; null when every price was fixed. */
  fxRate: string | null;
  /** When the rate was locked (else when the order was paid). */
  at: Date;
}

/**
 * The exact factor turning an order's amounts into `target`, or `undefined`
 * when no rate connects them. Uses the order's own locked rate (order currency
 * ↔ the shop's currency); beyond the shop's currency, the stored rate in force
 * when the order's rate was locked (`rateAt`). Never today's rate for an old order.
 */
export function orderFactor(
  order: OrderMoney,
  target: string,
  rateAt: (from: string, to: string, at: Date) => ConversionRate | undefined,
): Fraction | undefined {
  if (order.currency === target) return { n: 1n, d: 1n };
  // Order currency → settlement currency, with the locked rate.
  let toBase: Fraction;
  if (order.currency === order.settlementCurrency) toBase = { n: 1n, d: 1n };
  else {
    const r = order.fxRate ? parseDecimal(order.fxRate) : undefined;
    if (!r || r.int === 0n) return undefined;
    toBase = { n: pow10(r.scale), d: r.int };
  }
  if (order.settlementCurrency === target) return toBase;
  const onward = rateAt(order.settlementCurrency, target, order.at);
  if (!onward) return undefined;
  const f = conversionFraction(onward);
  return { n: toBase.n * f.n, d: toBase.d * f.d };
}

/**
 * Converts an amount in minor units of `from` by an exact factor into minor
 * units of `to`, rounding half up once at the end.
 *
 * @example
 * // 70.00 USD at 1 USD = 7.2 CNY → 504.00 CNY
 * convertMinor(7000, 'USD', 'CNY', { n: 72n, d: 10n }); // 50400
 */
export function convertMinor(
  amountMinor: number,
  from: string,
  to: string,
  factor: Fraction,
): number {
  const shift = currencyExponent(to) - currencyExponent(from);
  const n = BigInt(amountMinor) * factor.n * pow10(Math.max(0, shift));
  const d = factor.d * pow10(Math.max(0, -shift));
  const q = (2n * n + d) / (2n * d); // half up, n ≥ 0
  return Number(q);
}

/**
 * Historical rates by time: `at(from, to, when)` derives the rate (direct,
 * inverse or through EUR) from the newest stored rates as of `when`. Built
 * from a history sorted by `asOf`; answers for a sequence of times walk it once.
 */
export function rateHistory(history: readonly FxRateRecord[]) {
  const sorted = [...history].sort((a, b) => a.asOf.getTime() - b.asOf.getTime());
  const cache = new Map<string, ConversionRate | undefined>();
  return {
    at(from: string, to: string, when: Date): ConversionRate | undefined {
      // Binary search for the last rate as of `when`; the rates up to it, newest per pair.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]!.asOf.getTime() <= when.getTime()) lo = mid + 1;
        else hi = mid;
      }
      const key = `${from}>${to}@${lo}`;
      if (cache.has(key)) return cache.get(key);
      const latest = new Map<string, FxRateRecord>();
      for (let i = 0; i < lo; i++) {
        const r = sorted[i]!;
        latest.set(`${r.shopId ?? ''}:${r.base}>${r.quote}`, r);
      }
      const rate = deriveRate([...latest.values()], from, to);
      cache.set(key, rate);
      return rate;
    },
  };
}
