import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AldeaError } from '../errors.js';
import { type ConversionRate, deriveRate } from '../fx/derive-rate.js';
import type { FxRateRecord } from '../fx/latest-rates.js';
import { currencyExponent } from '../money/currencies.js';
import { type PriceResult, type ResolvePriceInput, resolvePrice } from './resolve-price.js';
import { ROUNDING_RULES, roundingMisfit } from './rounding.js';

const now = new Date('2026-11-25T10:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);

function stored(base: string, quote: string, rate: string, asOf = day('2026-11-24')): FxRateRecord {
  return {
    id: `fx_${base}${quote}`,
    shopId: null,
    base,
    quote,
    rate,
    source: 'ecb',
    asOf,
    fetchedAt: asOf,
  };
}
const ecb = [
  stored('EUR', 'USD', '1.1562'),
  stored('EUR', 'CNY', '8.2013'),
  stored('EUR', 'JPY', '180.21'),
  stored('EUR', 'MXN', '21.3458'),
];
const rateOf = (rates: FxRateRecord[], from: string, to: string) => deriveRate(rates, from, to)!;

function price(over: Partial<ResolvePriceInput>): PriceResult {
  return resolvePrice({
    baseAmountMinor: 35_000,
    baseCurrency: 'MXN',
    buyerCurrency: 'USD',
    rule: { rounding: 'none', neverBelow: false },
    marginBps: 0,
    now,
    ...over,
  });
}
const amountOf = (r: PriceResult) => (r.ok ? r.amount.amountMinor : r.reason);

describe('resolvePrice: hand-worked examples', () => {
  it('350 MXN → USD at 0.0512 with .99: 17.92 → 17.99', () => {
    const rate = rateOf([stored('MXN', 'USD', '0.0512')], 'MXN', 'USD');
    const r = price({ rate, rule: { rounding: 'end-99', neverBelow: false } });
    expect(r).toEqual({
      ok: true,
      amount: { amountMinor: 1799, currency: 'USD' },
      provenance: {
        kind: 'converted',
        from: 'MXN',
        rate: '0.0512',
        rateId: 'fx_MXNUSD',
        rateIds: ['fx_MXNUSD'],
        asOf: day('2026-11-24'),
        rule: 'end-99',
        neverBelow: false,
        marginBps: 0,
        stale: false,
      },
    });
  });

  it('350 MXN → USD at 0.049 with .99: 17.15 → 16.99, or 17.99 when never below', () => {
    const rate = rateOf([stored('MXN', 'USD', '0.049')], 'MXN', 'USD');
    expect(amountOf(price({ rate, rule: { rounding: 'end-99', neverBelow: false } }))).toBe(1699);
    expect(amountOf(price({ rate, rule: { rounding: 'end-99', neverBelow: true } }))).toBe(1799);
  });

  it('350 MXN → USD through EUR (1.1562 / 21.3458 = 18.9578…) with .99 → 18.99', () => {
    const r = price({
      rate: rateOf(ecb, 'MXN', 'USD'),
      rule: { rounding: 'end-99', neverBelow: false },
    });
    expect(amountOf(r)).toBe(1899);
  });

  it('88 CNY → JPY to the nearest 10 (88 × 180.21 / 8.2013 = 1933.65…) → 1930 JPY', () => {
    const input = {
      baseAmountMinor: 8800,
      baseCurrency: 'CNY',
      buyerCurrency: 'JPY',
      rate: rateOf(ecb, 'CNY', 'JPY'),
    };
    expect(amountOf(price({ ...input, rule: { rounding: 'step-10', neverBelow: false } }))).toBe(
      1930,
    );
    expect(amountOf(price({ ...input, rule: { rounding: 'step-10', neverBelow: true } }))).toBe(
      1940,
    );
    expect(amountOf(price({ ...input, rule: { rounding: 'none', neverBelow: false } }))).toBe(1934);
    // With a 3 % FX margin: 1933.65 × 1.03 = 1991.66… → 1990
    expect(
      amountOf(
        price({ ...input, marginBps: 300, rule: { rounding: 'step-10', neverBelow: false } }),
      ),
    ).toBe(1990);
  });

  it('1930 JPY → USD crosses exponents (0 → 2): 12.3826 → 12.38, or 11.99 with .99', () => {
    const input = { baseAmountMinor: 1930, baseCurrency: 'JPY', rate: rateOf(ecb, 'JPY', 'USD') };
    expect(amountOf(price(input))).toBe(1238);
    expect(amountOf(price({ ...input, rule: { rounding: 'end-99', neverBelow: false } }))).toBe(
      1199,
    );
  });

  it('100 USD → KWD at 0.30761 to five fils: 30.761 → 30.750', () => {
    const r = price({
      baseAmountMinor: 10_000,
      baseCurrency: 'USD',
      buyerCurrency: 'KWD',
      rate: rateOf([stored('USD', 'KWD', '0.30761')], 'USD', 'KWD'),
      rule: { rounding: 'step-0.05', neverBelow: false },
    });
    expect(r.ok && r.amount).toEqual({ amountMinor: 30_750, currency: 'KWD' });
  });
});

describe('resolvePrice: precedence and unavailability', () => {
  const rate = rateOf(ecb, 'MXN', 'USD');

  it('a fixed price wins over conversion, and over the base price', () => {
    expect(price({ rate, fixedPrices: { USD: 2500 } })).toEqual({
      ok: true,
      amount: { amountMinor: 2500, currency: 'USD' },
      provenance: { kind: 'fixed' },
    });
    expect(amountOf(price({ buyerCurrency: 'MXN', fixedPrices: { MXN: 1 } }))).toBe(1);
    // A fixed price needs no rate at all.
    expect(amountOf(price({ fixedPrices: { USD: 2500 } }))).toBe(2500);
  });

  it('the base currency is the seller’s own price, never rounded', () => {
    expect(
      price({ buyerCurrency: 'MXN', rule: { rounding: 'step-100', neverBelow: true } }),
    ).toEqual({
      ok: true,
      amount: { amountMinor: 35_000, currency: 'MXN' },
      provenance: { kind: 'base' },
    });
  });

  it('is unavailable — never 0 — without a rate, with a too old rate, or when not offered', () => {
    expect(price({})).toEqual({ ok: false, reason: 'NO_RATE' });
    const old = rateOf([stored('MXN', 'USD', '0.05', day('2026-11-01'))], 'MXN', 'USD');
    expect(price({ rate: old })).toEqual({ ok: false, reason: 'RATE_TOO_OLD' });
    expect(price({ rate, offered: ['MXN', 'EUR'] })).toEqual({
      ok: false,
      reason: 'CURRENCY_NOT_OFFERED',
    });
    expect(price({ rate, offered: ['MXN', 'EUR'], fixedPrices: { USD: 1 } })).toEqual({
      ok: false,
      reason: 'CURRENCY_NOT_OFFERED',
    });
    const huge = rateOf([stored('MXN', 'USD', '999999999999')], 'MXN', 'USD');
    expect(price({ rate: huge, baseAmountMinor: 2 ** 50 })).toEqual({
      ok: false,
      reason: 'AMOUNT_TOO_LARGE',
    });
  });

  it('flags a rate past the flag age as stale but still prices with it', () => {
    const r = price({
      rate: rateOf([stored('MXN', 'USD', '0.05', day('2026-11-18'))], 'MXN', 'USD'),
    });
    expect(r.ok && r.provenance.kind === 'converted' && r.provenance.stale).toBe(true);
    const policy = { flagAfterMs: 3_600_000, refuseAfterMs: 2 * 86_400_000 };
    expect(price({ rate, staleness: policy }).ok).toBe(true);
    expect(
      price({
        rate: rateOf([stored('MXN', 'USD', '0.05', day('2026-11-20'))], 'MXN', 'USD'),
        staleness: policy,
      }),
    ).toEqual({
      ok: false,
      reason: 'RATE_TOO_OLD',
    });
  });

  it('throws on programming errors: bad amounts, a misfit rule, a rate for another pair', () => {
    expect(() => price({ baseAmountMinor: -1 })).toThrow(AldeaError);
    expect(() => price({ baseAmountMinor: 1.5 })).toThrow(AldeaError);
    expect(() => price({ fixedPrices: { USD: -5 } })).toThrow(AldeaError);
    expect(() =>
      price({
        buyerCurrency: 'JPY',
        rate: rateOf(ecb, 'MXN', 'JPY'),
        rule: { rounding: 'end-99', neverBelow: false },
      }),
    ).toThrow(/does not fit JPY/);
    expect(() => price({ rate: rateOf(ecb, 'CNY', 'USD') })).toThrow(/not MXN→USD/);
    expect(() => price({ rate, marginBps: -1 })).toThrow(AldeaError);
  });
});

describe('resolvePrice: properties', () => {
  const currencies = ['USD', 'EUR', 'JPY', 'KRW', 'CNY', 'MXN', 'KWD', 'BHD', 'CLP', 'GBP'];
  const rateText = fc
    .tuple(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 8 }))
    .map(([digits, scale]) => {
      const s = String(digits).padStart(scale + 1, '0');
      return scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
    });
  const scenario = fc
    .record({
      from: fc.constantFrom(...currencies),
      to: fc.constantFrom(...currencies),
      rate: rateText,
      rounding: fc.constantFrom(...ROUNDING_RULES),
      neverBelow: fc.boolean(),
      marginBps: fc.integer({ min: 0, max: 2000 }),
    })
    .filter((s) => s.from !== s.to && roundingMisfit(s.rounding, s.to) === undefined);
  const conversion = (s: { from: string; to: string; rate: string }): ConversionRate =>
    rateOf([stored(s.from, s.to, s.rate)], s.from, s.to);

  it('gives an integer ≥ 0, and a higher base price never gives a lower buyer price', () => {
    fc.assert(
      fc.property(scenario, fc.nat(10 ** 9), fc.nat(10 ** 9), (s, a, b) => {
        const common = {
          baseCurrency: s.from,
          buyerCurrency: s.to,
          rate: conversion(s),
          rule: { rounding: s.rounding, neverBelow: s.neverBelow },
          marginBps: s.marginBps,
          now,
        };
        const ra = resolvePrice({ ...common, baseAmountMinor: Math.min(a, b) });
        const rb = resolvePrice({ ...common, baseAmountMinor: Math.max(a, b) });
        if (!ra.ok || !rb.ok) {
          expect(ra.ok || ra.reason === 'AMOUNT_TOO_LARGE').toBe(true);
          return;
        }
        expect(Number.isSafeInteger(ra.amount.amountMinor) && ra.amount.amountMinor >= 0).toBe(
          true,
        );
        expect(ra.amount.amountMinor).toBeLessThanOrEqual(rb.amount.amountMinor);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounding is idempotent: re-pricing a rounded price at rate 1 changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.nat(10 ** 9), (s, base) => {
        const rule = { rounding: s.rounding, neverBelow: s.neverBelow };
        const first = resolvePrice({
          baseAmountMinor: base,
          baseCurrency: s.from,
          buyerCurrency: s.to,
          rate: conversion(s),
          rule,
          marginBps: 0,
          now,
        });
        fc.pre(first.ok);
        if (!first.ok) return;
        // Same exponent on both sides, rate 1: the rounded amount is a fixed point.
        const twin = currencies.find(
          (c) =>
            c !== s.to &&
            currencyExponent(c) === currencyExponent(s.to) &&
            roundingMisfit(s.rounding, c) === undefined,
        );
        fc.pre(twin !== undefined);
        const again = resolvePrice({
          baseAmountMinor: first.amount.amountMinor,
          baseCurrency: twin!,
          buyerCurrency: s.to,
          rate: rateOf([stored(twin!, s.to, '1')], twin!, s.to),
          rule,
          marginBps: 0,
          now,
        });
        expect(again.ok && again.amount.amountMinor).toBe(first.amount.amountMinor);
      }),
      { numRuns: 1000 },
    );
  });

  it('a fixed price always wins, whatever the rate and rule', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.nat(10 ** 9),
        fc.nat(10 ** 12),
        fc.boolean(),
        (s, base, fixed, withRate) => {
          const r = resolvePrice({
            baseAmountMinor: base,
            baseCurrency: s.from,
            buyerCurrency: s.to,
            fixedPrices: { [s.to]: fixed },
            rate: withRate ? conversion(s) : undefined,
            rule: { rounding: s.rounding, neverBelow: s.neverBelow },
            marginBps: s.marginBps,
            now,
          });
          expect(r).toEqual({
            ok: true,
            amount: { amountMinor: fixed, currency: s.to },
            provenance: { kind: 'fixed' },
          });
        },
      ),
    );
  });

  it('rate 1 with no rule is the identity between currencies of equal exponent', () => {
    const pairs = [
      ['USD', 'EUR'],
      ['CNY', 'MXN'],
      ['JPY', 'KRW'],
      ['KWD', 'BHD'],
      ['GBP', 'USD'],
      ['CLP', 'JPY'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.nat(Number.MAX_SAFE_INTEGER),
        ([from, to], base) => {
          const r = resolvePrice({
            baseAmountMinor: base,
            baseCurrency: from,
            buyerCurrency: to,
            rate: rateOf([stored(from, to, '1')], from, to),
            rule: { rounding: 'none', neverBelow: false },
            marginBps: 0,
            now,
          });
          expect(r.ok && r.amount).toEqual({ amountMinor: base, currency: to });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
