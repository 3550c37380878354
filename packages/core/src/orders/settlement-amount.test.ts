import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSettlementAmount } from './settlement-amount.js';

describe('toSettlementAmount', () => {
  it.each([
    // amount, currency, shop currency, rate base→buyer, expected shop minor units
    [6000, 'EUR', 'MXN', '0.05', 120000],
    [6001, 'EUR', 'MXN', '0.05', 120020],
    [1930, 'JPY', 'CNY', '20.5', 9415],
    [1799, 'USD', 'CNY', '0.14', 12850],
    [5120, 'KWD', 'USD', '0.307', 1668],
    [100, 'USD', 'JPY', '0.0066', 152],
    [0, 'EUR', 'MXN', '0.05', 0],
  ])('%i %s at %s→%s %s is %i', (amountMinor, currency, shop, rate, expected) => {
    expect(
      toSettlementAmount({ amountMinor, currency }, { settlementCurrency: shop, fxRate: rate }),
    ).toEqual({ amountMinor: expected, currency: shop });
  });

  it('returns an amount already in the shop currency as it is', () => {
    const m = { amountMinor: 35050, currency: 'MXN' };
    expect(toSettlementAmount(m, { settlementCurrency: 'MXN', fxRate: null })).toBe(m);
  });

  it('gives null without a usable rate (fixed prices, a zero or malformed rate)', () => {
    const m = { amountMinor: 1000, currency: 'USD' };
    expect(toSettlementAmount(m, { settlementCurrency: 'MXN', fxRate: null })).toBeNull();
    expect(toSettlementAmount(m, { settlementCurrency: 'MXN', fxRate: '0' })).toBeNull();
    expect(toSettlementAmount(m, { settlementCurrency: 'MXN', fxRate: '1e3' })).toBeNull();
  });

  it('property: the result is the nearest whole minor unit to amount ÷ rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 0, max: 8 }),
        (amountMinor, rateInt, scale) => {
          const rate = String(rateInt).padStart(scale + 1, '0');
          const text = scale ? `${rate.slice(0, -scale)}.${rate.slice(-scale)}` : rate;
          const back = toSettlementAmount(
            { amountMinor, currency: 'EUR' },
            { settlementCurrency: 'MXN', fxRate: text },
          );
          if (back === null) return; // beyond safe integers
          // |back × rate − amount| ≤ rate / 2, in exact integers (both currencies have 2 decimals).
          const r = BigInt(rateInt);
          const diff = BigInt(back.amountMinor) * r - BigInt(amountMinor) * 10n ** BigInt(scale);
          expect((diff < 0n ? -diff : diff) * 2n <= r).toBe(true);
        },
      ),
    );
  });
});
