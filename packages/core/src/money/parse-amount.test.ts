import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AldeaError } from '../errors.js';
import { formatMoney } from './format-money.js';
import { money, toDecimalString } from './money.js';
import { parseAmount } from './parse-amount.js';

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof AldeaError) return { code: e.code, issue: e.issues[0], message: e.message };
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('parseAmount: accepted', () => {
  it.each([
    ['350', 'MXN', 35000],
    ['350.50', 'MXN', 35050],
    ['350.5', 'MXN', 35050],
    ['350,5', 'MXN', 35050],
    ['1,234.5', 'USD', 123450],
    ['1.234,5', 'EUR', 123450],
    ['1.234,50', 'EUR', 123450],
    ['1 234,50', 'EUR', 123450],
    ['1\u00a0234,50', 'EUR', 123450],
    ['1,234,567', 'MXN', 123456700],
    ['1.234.567', 'MXN', 123456700],
    ['12,34,567.25', 'INR', 123456725],
    ['1,234', 'MXN', 123400],
    ['1,234', 'JPY', 1234],
    ['1.234', 'KWD', 1234],
    ['0.05', 'USD', 5],
    ['007', 'USD', 700],
    ['  88  ', 'CNY', 8800],
    ['３５０．５', 'CNY', 35050],
    ['１，２３４', 'CNY', 123400],
    ['¥88', 'CNY', 8800],
    ['￥88', 'CNY', 8800],
    ['MX$350', 'MXN', 35000],
    ['$350', 'MXN', 35000],
    ['350 MXN', 'MXN', 35000],
    ['mxn 350', 'MXN', 35000],
    ['1930', 'JPY', 1930],
    ['5.125', 'KWD', 5125],
    ['90071992547409.91', 'USD', Number.MAX_SAFE_INTEGER],
  ])('"%s" %s → %i', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual(money(minor, currency));
  });

  it('reads a single separator before three digits per the seller locale', () => {
    expect(parseAmount('1.234', 'EUR', { locale: 'de' }).amountMinor).toBe(123400);
    expect(parseAmount('1,234', 'KWD', { locale: 'de' }).amountMinor).toBe(1234);
    // In German "1,234" is one point two three four: too many decimals for EUR.
    expect(issueOf(() => parseAmount('1,234', 'EUR', { locale: 'de' })).issue?.code).toBe(
      'too_many_decimals',
    );
  });
});

describe('parseAmount: rejected with a clear reason', () => {
  it.each([
    ['350.555', 'MXN', 'too_many_decimals', 'MXN takes at most 2 decimals'],
    ['1.234', 'MXN', 'too_many_decimals', 'MXN takes at most 2 decimals'],
    ['350.500', 'MXN', 'too_many_decimals', 'MXN takes at most 2 decimals'],
    ['88.5', 'JPY', 'too_many_decimals', 'JPY has no decimals'],
    ['5.1255', 'KWD', 'too_many_decimals', 'KWD takes at most 3 decimals'],
    ['', 'USD', 'empty', 'type an amount'],
    ['   ', 'USD', 'empty', 'type an amount'],
    ['-5', 'USD', 'negative', 'cannot be negative'],
    ['−5', 'USD', 'negative', 'cannot be negative'],
    ['$-5', 'USD', 'negative', 'cannot be negative'],
    ['1e3', 'USD', 'exponent', 'without an exponent'],
    ['1e999', 'USD', 'exponent', 'without an exponent'],
    ['abc', 'USD', 'invalid_characters', 'only digits'],
    ['350.', 'USD', 'invalid_characters', 'only digits'],
    ['.5', 'USD', 'invalid_characters', 'only digits'],
    ['€350', 'USD', 'invalid_characters', 'only digits'],
    ['12 34', 'USD', 'bad_grouping', 'every 3 digits'],
    ['1,23,4', 'USD', 'bad_grouping', 'every 3 digits'],
    ['1.234 567,5', 'EUR', 'bad_grouping', 'mixes'],
    ['1,234.5.6', 'USD', 'several_decimal_separators', 'appears twice'],
    ['99999999999999999', 'USD', 'too_big', 'too large'],
    ['9'.repeat(80), 'USD', 'too_long', 'too long'],
  ])('"%s" %s → %s', (text, currency, code, reason) => {
    const { code: errorCode, issue, message } = issueOf(() => parseAmount(text, currency));
    expect(errorCode).toBe('VALIDATION');
    expect(issue?.code).toBe(code);
    expect(issue?.message).toContain(reason);
    expect(issue?.path).toBe('amount');
    expect(message).toContain(reason);
  });

  it('names the field it was given and refuses unknown currencies', () => {
    const { issue } = issueOf(() => parseAmount('x', 'USD', { path: 'variants.0.price' }));
    expect(issue?.path).toBe('variants.0.price');
    expect(issueOf(() => parseAmount('350', 'ABC')).code).toBe('UNSUPPORTED_CURRENCY');
  });
});

describe('parseAmount: properties', () => {
  const currencies = ['USD', 'EUR', 'CNY', 'MXN', 'JPY', 'KRW', 'KWD', 'BHD', 'HUF', 'INR'];
  const locales = ['en', 'zh-CN', 'es-MX', 'de', 'fr', 'ja', 'en-IN'];

  it('parse(format(x)) round-trips in the formatting locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...currencies),
        fc.constantFrom(...locales),
        (amount, currency, locale) => {
          const m = money(amount, currency);
          expect(parseAmount(formatMoney(m, locale), currency, { locale })).toEqual(m);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parse(toDecimalString(x)) round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...currencies),
        (amount, currency) => {
          const m = money(amount, currency);
          expect(parseAmount(toDecimalString(m), currency, { locale: 'es-MX' })).toEqual(m);
        },
      ),
    );
  });

  it('never returns anything but a safe non-negative integer, or a VALIDATION error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(...currencies), (text, c) => {
        try {
          const m = parseAmount(text, c);
          expect(Number.isSafeInteger(m.amountMinor) && m.amountMinor >= 0).toBe(true);
        } catch (e) {
          expect(e instanceof AldeaError && e.code === 'VALIDATION').toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
