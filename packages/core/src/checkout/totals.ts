import { AldeaError } from '../errors.js';

/** One priced line of a checkout or order: unit amount in the order currency × quantity. */
export interface TotalsLine {
  unitAmountMinor: number;
  quantity: number;
}

/** What the totals are computed from: locked line prices, the shipping amount and the zone's tax. */
export interface TotalsInput {
  currency: string;
  lines: readonly TotalsLine[];
  shippingMinor: number;
  /** 1 = 0.01 %. */
  taxRateBps: number;
  /** True: the amounts already include the tax (it is shown, not added). */
  taxInclusive: boolean;
}

/**
 * An order's totals, integer minor units of `currency`. Always
 * `total = Σ lineTotals + shipping + (taxInclusive ? 0 : tax)`.
 */
export interface OrderTotals {
  currency: string;
  lineTotalsMinor: number[];
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxRateBps: number;
  taxInclusive: boolean;
  totalMinor: number;
}

function safe(n: bigint, what: string): number {
  if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new AldeaError('VALIDATION', `${what} is out of range`, [
      { path: what, message: 'amount out of range', code: 'too_big' },
    ]);
  }
  return Number(n);
}

/** ⌊num/den + ½⌋ for non-negative integers: half-up, the rounding receipts use. */
function divideHalfUp(num: bigint, den: bigint): bigint {
  return (num * 2n + den) / (den * 2n);
}

/**
 * Tax on a base amount at `bps`, in whole minor units (half-up).
 * Exclusive: `base × rate`. Inclusive: the part of `base` that is tax,
 * `base − base / (1 + rate)`.
 *
 * @example
 * taxOn(10000, 1600, false); // 1600 (16 % on top of 100.00)
 * taxOn(11600, 1600, true);  // 1600 (16 % inside 116.00)
 */
export function taxOn(baseMinor: number, bps: number, inclusive: boolean): number {
  if (!Number.isSafeInteger(baseMinor) || baseMinor < 0) throw new RangeError('bad tax base');
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new RangeError('bad tax rate');
  const base = BigInt(baseMinor);
  const rate = BigInt(bps);
  if (!inclusive) return safe(divideHalfUp(base * rate, 10_000n), 'taxMinor');
  const net = divideHalfUp(base * 10_000n, 10_000n + rate);
  return safe(base - net, 'taxMinor');
}

/**
 * Computes an order's totals from locked prices. Pure; integer arithmetic only.
 * Tax applies to goods and shipping together.
 *
 * @example
 * computeTotals({ currency: 'EUR', lines: [{ unitAmountMinor: 6999, quantity: 2 }],
 *   shippingMinor: 1500, taxRateBps: 0, taxInclusive: false }).totalMinor; // 15498
 * @throws AldeaError VALIDATION when a quantity or amount is not a safe non-negative integer
 */
export function computeTotals(input: TotalsInput): OrderTotals {
  const lineTotals = input.lines.map((l, i) => {
    if (!Number.isSafeInteger(l.unitAmountMinor) || l.unitAmountMinor < 0) {
      throw new AldeaError('VALIDATION', `line ${i}: bad unit amount`, [
        { path: `lines.${i}.unitAmountMinor`, message: 'must be a whole amount ≥ 0' },
      ]);
    }
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1) {
      throw new AldeaError('VALIDATION', `line ${i}: bad quantity`, [
        { path: `lines.${i}.quantity`, message: 'must be a whole number ≥ 1' },
      ]);
    }
    return safe(BigInt(l.unitAmountMinor) * BigInt(l.quantity), `lines.${i}.total`);
  });
  if (!Number.isSafeInteger(input.shippingMinor) || input.shippingMinor < 0) {
    throw new AldeaError('VALIDATION', 'bad shipping amount', [
      { path: 'shippingMinor', message: 'must be a whole amount ≥ 0' },
    ]);
  }
  const subtotal = safe(
    lineTotals.reduce((s, t) => s + BigInt(t), 0n),
    'subtotalMinor',
  );
  const base = safe(BigInt(subtotal) + BigInt(input.shippingMinor), 'totalMinor');
  const tax = taxOn(base, input.taxRateBps, input.taxInclusive);
  const total = input.taxInclusive ? base : safe(BigInt(base) + BigInt(tax), 'totalMinor');
  return {
    currency: input.currency,
    lineTotalsMinor: lineTotals,
    subtotalMinor: subtotal,
    shippingMinor: input.shippingMinor,
    taxMinor: tax,
    taxRateBps: input.taxRateBps,
    taxInclusive: input.taxInclusive,
    totalMinor: total,
  };
}
