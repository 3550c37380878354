import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AldeaError } from '../errors.js';
import { CURRENCY_CODES, currencyExponent } from '../money/currencies.js';
import { DEFAULT_ROUNDING_RULES, defaultRoundingRule } from './default-rules.js';
import {
  compileRounding,
  ROUNDING_RULES,
  type RoundingRule,
  roundAmount,
  roundingMisfit,
} from './rounding.js';

const round = (minor: number | bigint, rule: RoundingRule, currency: string, up = false) =>
  Number(roundAmount(BigInt(minor), 1n, compileRounding(rule, currency), up));

describe('rounding rules', () => {
  it.each([
    // [exact minor units, rule, currency, nearest, never below]
    [1715, 'none', 'USD', 1715, 1715],
    [1792, 'end-99', 'USD', 1799, 1799],
    [1715, 'end-99', 'USD', 1699, 1799],
    [1749, 'end-99', 'USD', 1799, 1799], // tie (0.50 either way) goes up
    [1699, 'end-99', 'USD', 1699, 1699],
    [1, 'end-99', 'USD', 99, 99],
    [1720, 'end-95', 'EUR', 1695, 1795],
    [1720, 'end-49', 'GBP', 1749, 1749],
    [1790, 'end-90', 'CHF', 1790, 1790],
    [1933, 'step-10', 'JPY', 1930, 1940],
    [1935, 'step-10', 'JPY', 1940, 1940],
    [3, 'step-10', 'JPY', 10, 10], // a positive price never becomes 0
    [12_349, 'step-100', 'KRW', 12_300, 12_400],
    [12_349, 'step-1', 'CNY', 12_300, 12_400],
    [1_234_567, 'step-10', 'HUF', 1_235_000, 1_235_000],
    [30_761, 'step-0.05', 'KWD', 30_750, 30_800],
    [30_761, 'step-0.01', 'KWD', 30_760, 30_770],
    [5_124, 'end-99', 'KWD', 4_990, 5_990],
    [0, 'end-99', 'USD', 0, 0], // free stays free
  ] as const)('%i %s %s → %i (up: %i)', (minor, rule, currency, nearest, up) => {
    expect(round(minor, rule, currency)).toBe(nearest);
    expect(round(minor, rule, currency, true)).toBe(up);
  });

  it('rounds exact fractions, not floats: 17.145 USD is a tie that goes up', () => {
    const rule = compileRounding('none', 'USD');
    expect(roundAmount(34_290n, 20n, rule, false)).toBe(1715n); // 1714.5 cents
    expect(roundAmount(34_289n, 20n, rule, false)).toBe(1714n);
  });

  it('refuses rules that do not fit a currency', () => {
    expect(roundingMisfit('end-99', 'JPY')).toContain('without decimals');
    expect(roundingMisfit('step-0.05', 'JPY')).toContain('smaller than the currency allows');
    expect(roundingMisfit('step-0.01', 'KRW')).toBeDefined();
    expect(roundingMisfit('end-99', 'KWD')).toBeUndefined();
    expect(roundingMisfit('step-10', 'JPY')).toBeUndefined();
    expect(() => compileRounding('end-95', 'CLP')).toThrow(AldeaError);
  });

  it('has a default for every currency that fits it, and stays within Stripe constraints', () => {
    for (const code of CURRENCY_CODES) {
      const { rounding, neverBelow } = defaultRoundingRule(code);
      expect(roundingMisfit(rounding, code), `${code} ${rounding}`).toBeUndefined();
      expect(neverBelow).toBe(false);
      // Three-decimal currencies must end in 0 for the card networks.
      if (currencyExponent(code) === 3) expect(round(12_345, rounding, code) % 10).toBe(0);
    }
    expect(Object.keys(DEFAULT_ROUNDING_RULES).length).toBeGreaterThan(50);
    expect(defaultRoundingRule('USD').rounding).toBe('end-99');
    expect(defaultRoundingRule('JPY').rounding).toBe('step-10');
    expect(defaultRoundingRule('CLP').rounding).toBe('step-100');
    expect(round(123_456, defaultRoundingRule('HUF').rounding, 'HUF') % 100).toBe(0);
    expect(round(123_456, defaultRoundingRule('TWD').rounding, 'TWD') % 100).toBe(0);
  });
});

describe('rounding properties', () => {
  const fitting = fc
    .tuple(
      fc.constantFrom(...ROUNDING_RULES),
      fc.constantFrom('USD', 'JPY', 'KWD', 'KRW', 'EUR', 'BHD'),
    )
    .filter(([rule, c]) => roundingMisfit(rule, c) === undefined);

  it('is idempotent, monotone, never negative, never 0 for a positive amount', () => {
    fc.assert(
      fc.property(
        fitting,
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        ([rule, currency], up, a, b, d) => {
          const r = compileRounding(rule, currency);
          const ra = roundAmount(a, d, r, up);
          const rb = roundAmount(b, d, r, up);
          expect(ra >= 0n).toBe(true);
          if (a > 0n) expect(ra > 0n).toBe(true);
          expect(roundAmount(ra, 1n, r, up)).toBe(ra);
          if (a <= b) expect(ra <= rb).toBe(true);
          if (up) expect(ra * d >= a).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
