import { describe, expect, it } from 'vitest';
import { conversionFraction, deriveRate } from './derive-rate.js';
import type { FxRateRecord } from './latest-rates.js';

let n = 0;
function rate(
  base: string,
  quote: string,
  value: string,
  day: string,
  shopId: string | null = null,
): FxRateRecord {
  const asOf = new Date(`${day}T00:00:00Z`);
  return {
    id: `fx_${++n}`,
    shopId,
    base,
    quote,
    rate: value,
    source: shopId ? 'manual' : 'ecb',
    asOf,
    fetchedAt: asOf,
  };
}

const ecb = [
  rate('EUR', 'USD', '1.1562', '2026-11-24'),
  rate('EUR', 'CNY', '8.2013', '2026-11-24'),
  rate('EUR', 'JPY', '180.21', '2026-11-24'),
  rate('EUR', 'MXN', '21.3458', '2026-11-24'),
];

describe('deriveRate', () => {
  it('uses a stored rate directly, exactly', () => {
    const r = deriveRate(ecb, 'EUR', 'USD')!;
    expect(r).toMatchObject({
      numerator: '1.1562',
      denominator: '1',
      display: '1.1562',
      path: 'direct',
    });
    expect(r.rateIds).toEqual([ecb[0]!.id]);
  });

  it('inverts a stored rate without rounding it', () => {
    const r = deriveRate(ecb, 'USD', 'EUR')!;
    expect(r).toMatchObject({ numerator: '1', denominator: '1.1562', path: 'inverse' });
    expect(r.display).toBe('0.864902266');
  });

  it('derives a cross rate through EUR as an exact fraction', () => {
    const r = deriveRate(ecb, 'CNY', 'USD')!;
    expect(r).toMatchObject({ numerator: '1.1562', denominator: '8.2013', path: 'cross' });
    expect(r.rateIds).toEqual([ecb[0]!.id, ecb[1]!.id]);
    // 1.1562 / 8.2013 = 0.14097765049...
    expect(r.display).toBe('0.1409776499');
    const f = conversionFraction(r);
    expect(f.n * 82013n).toBe(f.d * 11562n);
  });

  it('takes the older leg as the as-of of a cross rate', () => {
    const rates = [
      rate('EUR', 'USD', '1.15', '2026-11-24'),
      rate('EUR', 'MXN', '21.3', '2026-11-20'),
    ];
    expect(deriveRate(rates, 'MXN', 'USD')!.asOf.toISOString()).toBe('2026-11-20T00:00:00.000Z');
  });

  it('prefers the newest path: a fresh cross rate beats an old manual pair', () => {
    const oldManual = rate('CNY', 'USD', '0.14', '2026-10-01');
    expect(deriveRate([...ecb, oldManual], 'CNY', 'USD')!.path).toBe('cross');
    const newManual = rate('CNY', 'USD', '0.141', '2026-11-25');
    expect(deriveRate([...ecb, newManual], 'CNY', 'USD')).toMatchObject({
      numerator: '0.141',
      path: 'direct',
    });
  });

  it("lets a shop's own rate win over newer platform rates", () => {
    const own = rate('USD', 'CNY', '7', '2026-09-01', 'shop_a');
    const r = deriveRate([...ecb, own], 'CNY', 'USD')!;
    expect(r).toMatchObject({ numerator: '1', denominator: '7', path: 'inverse', shopOwned: true });
  });

  it('returns undefined when no path exists or the currencies are equal', () => {
    expect(deriveRate(ecb, 'CNY', 'KRW')).toBeUndefined();
    expect(deriveRate(ecb, 'USD', 'USD')).toBeUndefined();
    expect(deriveRate([], 'EUR', 'USD')).toBeUndefined();
  });

  it('combines inverse legs: a USD-based manual rate reaches through EUR', () => {
    const rates = [
      rate('EUR', 'USD', '1.16', '2026-11-24'),
      rate('MXN', 'EUR', '0.0465', '2026-11-24'),
    ];
    // MXN→USD = (EUR→USD) ÷ (EUR→MXN) = 1.16 ÷ (1 ÷ 0.0465) = 1.16 × 0.0465
    const r = deriveRate(rates, 'MXN', 'USD')!;
    expect(r).toMatchObject({ numerator: '0.05394', denominator: '1', path: 'cross' });
  });
});
