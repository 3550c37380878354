import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AldeaError, isAldeaError } from '../errors.js';
import {
  addMoney,
  allocateMoney,
  compareMoney,
  equalsMoney,
  money,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  toDecimalString,
  zeroMoney,
} from './money.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AldeaError ? e.code : 'not an AldeaError';
  }
  return undefined;
}

describe('money()', () => {
  it('accepts safe integers of a known currency', () => {
    expect(money(35050, 'MXN')).toEqual({ amountMinor: 35050, currency: 'MXN' });
    expect(money(-5, 'KWD').amountMinor).toBe(-5);
    expect(zeroMoney('JPY')).toEqual({ amountMinor: 0, currency: 'JPY' });
  });

  it('rejects floats, NaN, unsafe integers and unknown currencies', () => {
    expect(codeOf(() => money(1.5, 'USD'))).toBe('VALIDATION');
    expect(codeOf(() => money(Number.NaN, 'USD'))).toBe('VALIDATION');
    expect(codeOf(() => money(2 ** 53, 'USD'))).toBe('VALIDATION');
    expect(codeOf(() => money(100, 'XYZ'))).toBe('UNSUPPORTED_CURRENCY');
  });
});

describe('arithmetic', () => {
  const usd = (n: number) => money(n, 'USD');

  it('adds, subtracts, multiplies and sums in one currency', () => {
    expect(addMoney(usd(100), usd(250))).toEqual(usd(350));
    expect(subtractMoney(usd(100), usd(250))).toEqual(usd(-150));
    expect(multiplyMoney(usd(1799), 3)).toEqual(usd(5397));
    expect(sumMoney([usd(1), usd(2), usd(3)], 'USD')).toEqual(usd(6));
    expect(sumMoney([], 'EUR')).toEqual(money(0, 'EUR'));
    expect(compareMoney(usd(1), usd(2))).toBeLessThan(0);
    expect(equalsMoney(usd(1), money(1, 'EUR'))).toBe(false);
  });

  it('throws CURRENCY_MISMATCH when currencies mix', () => {
    const eur = money(100, 'EUR');
    expect(codeOf(() => addMoney(usd(1), eur))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => subtractMoney(usd(1), eur))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => sumMoney([usd(1), eur], 'USD'))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => sumMoney([usd(1)], 'EUR'))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => compareMoney(usd(1), eur))).toBe('CURRENCY_MISMATCH');
  });

  it('refuses results that are no longer exact integers', () => {
    expect(codeOf(() => multiplyMoney(usd(2 ** 52), 4))).toBe('VALIDATION');
    expect(codeOf(() => addMoney(usd(Number.MAX_SAFE_INTEGER), usd(1)))).toBe('VALIDATION');
    expect(codeOf(() => multiplyMoney(usd(100), 1.5))).toBe('VALIDATION');
  });
});

describe('allocateMoney', () => {
  it('splits with the leftover to the largest remainders, earlier first on ties', () => {
    const parts = allocateMoney(money(1000, 'USD'), [1, 1, 1]).map((m) => m.amountMinor);
    expect(parts).toEqual([334, 333, 333]);
    expect(allocateMoney(money(500, 'JPY'), [3, 0, 1]).map((m) => m.amountMinor)).toEqual([
      375, 0, 125,
    ]);
    expect(allocateMoney(money(5, 'USD'), [1, 2]).map((m) => m.amountMinor)).toEqual([2, 3]);
    expect(allocateMoney(money(-1000, 'USD'), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([
      -334, -333, -333,
    ]);
  });

  it('rejects empty, negative, fractional and all-zero weights', () => {
    for (const w of [[], [-1, 2], [0.5, 1], [0, 0]]) {
      const e = (() => {
        try {
          allocateMoney(money(100, 'USD'), w);
        } catch (err) {
          return err;
        }
      })();
      expect(isAldeaError(e, 'VALIDATION'), JSON.stringify(w)).toBe(true);
    }
  });

  it('property: parts always sum to the whole and differ from the exact share by < 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 }),
        (amount, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateMoney(money(amount, 'EUR'), weights);
          expect(parts).toHaveLength(weights.length);
          const total = parts.reduce((a, p) => a + BigInt(p.amountMinor), 0n);
          expect(total).toBe(BigInt(amount));
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((p, i) => {
            // |part × sum − amount × weight| < sum, in exact integers.
            const diff = BigInt(p.amountMinor) * sum - BigInt(amount) * BigInt(weights[i]!);
            expect(diff < sum && -diff < sum).toBe(true);
            if (weights[i] === 0) expect(p.amountMinor).toBe(0);
          });
        },
      ),
    );
  });
});

describe('toDecimalString', () => {
  it.each([
    [35050, 'MXN', '350.50'],
    [5, 'USD', '0.05'],
    [-5, 'USD', '-0.05'],
    [0, 'EUR', '0.00'],
    [1930, 'JPY', '1930'],
    [-1930, 'JPY', '-1930'],
    [1, 'KWD', '0.001'],
    [123456, 'BHD', '123.456'],
  ])('%i %s → %s', (amount, currency, text) => {
    expect(toDecimalString(money(amount, currency))).toBe(text);
  });
});
