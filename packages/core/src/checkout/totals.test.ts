import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../money/currencies.js';
import { computeTotals, taxOn } from './totals.js';

describe('computeTotals', () => {
  it('adds exclusive tax on goods and shipping, half-up', () => {
    const t = computeTotals({
      currency: 'USD',
      lines: [
        { unitAmountMinor: 1799, quantity: 2 },
        { unitAmountMinor: 501, quantity: 1 },
      ],
      shippingMinor: 1500,
      taxRateBps: 825,
      taxInclusive: false,
    });
    expect(t.lineTotalsMinor).toEqual([3598, 501]);
    expect(t.subtotalMinor).toBe(4099);
    expect(t.taxMinor).toBe(462); // 5599 × 8.25 % = 461.9
    expect(t.totalMinor).toBe(6061);
  });

  it('shows inclusive tax without adding it (16 % IVA inside 116.00 MXN is 16.00)', () => {
    const t = computeTotals({
      currency: 'MXN',
      lines: [{ unitAmountMinor: 10000, quantity: 1 }],
      shippingMinor: 1600,
      taxRateBps: 1600,
      taxInclusive: true,
    });
    expect(t.taxMinor).toBe(1600);
    expect(t.totalMinor).toBe(11600);
  });

  it('works in zero- and three-decimal currencies', () => {
    expect(taxOn(1930, 1000, false)).toBe(193); // JPY
    expect(taxOn(12345, 500, false)).toBe(617); // KWD 12.345 × 5 % = 0.61725 → 0.617
  });

  it('refuses quantities of 0, −1 and fractions, and unsafe amounts', () => {
    const base = { currency: 'EUR', shippingMinor: 0, taxRateBps: 0, taxInclusive: false };
    for (const quantity of [0, -1, 1.5]) {
      expect(() => computeTotals({ ...base, lines: [{ unitAmountMinor: 100, quantity }] })).toThrow(
        /quantity/,
      );
    }
    expect(() =>
      computeTotals({
        ...base,
        lines: [{ unitAmountMinor: Number.MAX_SAFE_INTEGER, quantity: 2 }],
      }),
    ).toThrow(/out of range/);
  });

  it('property: total = Σ lines + shipping + tax (when exclusive), in every currency', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.array(
          fc.record({
            unitAmountMinor: fc.integer({ min: 0, max: 10_000_000 }),
            quantity: fc.integer({ min: 1, max: 999 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (currency, lines, shippingMinor, taxRateBps, taxInclusive) => {
          const t = computeTotals({ currency, lines, shippingMinor, taxRateBps, taxInclusive });
          const sum = lines.reduce((s, l) => s + l.unitAmountMinor * l.quantity, 0);
          expect(t.subtotalMinor).toBe(sum);
          expect(t.lineTotalsMinor.reduce((s, x) => s + x, 0)).toBe(t.subtotalMinor);
          expect(t.totalMinor).toBe(
            t.subtotalMinor + t.shippingMinor + (taxInclusive ? 0 : t.taxMinor),
          );
          for (const n of [t.subtotalMinor, t.taxMinor, t.totalMinor]) {
            expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
          }
          // Inclusive tax is a part of what is paid; exclusive tax is never more than the rate allows.
          if (taxInclusive) expect(t.taxMinor).toBeLessThanOrEqual(t.totalMinor);
          else
            expect(t.taxMinor * 10_000).toBeLessThanOrEqual(
              (sum + shippingMinor) * taxRateBps + 5_000,
            );
        },
      ),
      { numRuns: 500 },
    );
  });
});
