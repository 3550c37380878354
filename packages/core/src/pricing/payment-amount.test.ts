import { describe, expect, it } from 'vitest';
import { AldeaError } from '../errors.js';
import { CURRENCY_CODES } from '../money/currencies.js';
import { money } from '../money/money.js';
import { defaultRoundingRule } from './default-rules.js';
import { fromProviderAmount, toProviderAmount } from './payment-amount.js';
import { compileRounding, roundAmount } from './rounding.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AldeaError ? e.code : 'other';
  }
  return undefined;
}

describe('toProviderAmount / fromProviderAmount (Stripe)', () => {
  it.each([
    // [minor units, currency, Stripe amount]
    [1799, 'USD', 1799],
    [35_000, 'MXN', 35_000],
    [1930, 'JPY', 1930], // zero-decimal: major units = ISO minor units
    [12_300, 'KRW', 12_300],
    [9990, 'CLP', 9990],
    [5, 'ISK', 500], // ISK and UGX keep two (zero) decimals at Stripe
    [37_000, 'UGX', 3_700_000],
    [123_400, 'MGA', 1234], // zero-decimal at Stripe, two decimals in ISO
    [5120, 'KWD', 5120], // three decimals, ending in 0
    [123_450, 'HUF', 123_450], // charges may carry fillér
    [12_345, 'TWD', 12_345],
  ])('%i %s ⇄ %i', (minor, currency, stripe) => {
    expect(toProviderAmount(money(minor, currency), 'stripe')).toBe(stripe);
    expect(fromProviderAmount(stripe, currency.toLowerCase(), 'stripe')).toEqual(
      money(minor, currency),
    );
  });

  it('refuses what Stripe would refuse or alter, instead of rounding the buyer’s amount', () => {
    expect(code(() => toProviderAmount(money(5124, 'KWD'), 'stripe'))).toBe('PAYMENT_PROVIDER');
    expect(code(() => toProviderAmount(money(123_456, 'MGA'), 'stripe'))).toBe('PAYMENT_PROVIDER');
    expect(code(() => toProviderAmount(money(123_450, 'HUF'), 'stripe', { payout: true }))).toBe(
      'PAYMENT_PROVIDER',
    );
    expect(toProviderAmount(money(123_400, 'HUF'), 'stripe', { payout: true })).toBe(123_400);
    expect(code(() => toProviderAmount(money(12_345, 'TWD'), 'stripe', { payout: true }))).toBe(
      'PAYMENT_PROVIDER',
    );
    expect(code(() => toProviderAmount(money(-1, 'USD'), 'stripe'))).toBe('PAYMENT_PROVIDER');
    expect(code(() => fromProviderAmount(550, 'isk', 'stripe'))).toBe('PAYMENT_PROVIDER');
    expect(code(() => fromProviderAmount(1.5, 'usd', 'stripe'))).toBe('PAYMENT_PROVIDER');
    expect(code(() => fromProviderAmount(100, 'xyz', 'stripe'))).toBe('UNSUPPORTED_CURRENCY');
  });

  it('every default rounding rule yields amounts Stripe takes as they are, payouts included', () => {
    for (const currency of CURRENCY_CODES) {
      const rule = compileRounding(defaultRoundingRule(currency).rounding, currency);
      for (const exact of [1n, 999n, 12_345n, 987_654_321n]) {
        const m = money(Number(roundAmount(exact, 7n, rule, false)), currency);
        expect(
          code(() => toProviderAmount(m, 'stripe', { payout: true })),
          `${currency} ${m.amountMinor}`,
        ).toBeUndefined();
        expect(fromProviderAmount(toProviderAmount(m, 'stripe'), currency, 'stripe')).toEqual(m);
      }
    }
  });
});
