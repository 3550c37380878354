import { describe, expect, it } from 'vitest';
import { isAldeaError } from '../errors.js';
import { CURRENCY_CODES, currencyExponent, isCurrencyCode } from './currencies.js';
import { formatMoney } from './format-money.js';
import { money, toDecimalString } from './money.js';
import { parseAmount } from './parse-amount.js';

/** Intl's default fraction digits for a currency (CLDR), for comparison with ISO's. */
const intlDigits = (code: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
    .maximumFractionDigits;

// [code, ISO 4217 exponent, CLDR/Intl default digits, 123456 minor units as decimal, en format]
const TABLE: [string, number, number, string, string][] = [
  ['USD', 2, 2, '1234.56', '$1,234.56'],
  ['EUR', 2, 2, '1234.56', '€1,234.56'],
  ['GBP', 2, 2, '1234.56', '£1,234.56'],
  ['CNY', 2, 2, '1234.56', 'CN¥1,234.56'],
  ['MXN', 2, 2, '1234.56', 'MX$1,234.56'],
  ['CAD', 2, 2, '1234.56', 'CA$1,234.56'],
  ['AUD', 2, 2, '1234.56', 'A$1,234.56'],
  ['CHF', 2, 2, '1234.56', 'CHF 1,234.56'],
  ['BRL', 2, 2, '1234.56', 'R$1,234.56'],
  ['INR', 2, 2, '1234.56', '₹1,234.56'],
  ['ZAR', 2, 2, '1234.56', 'ZAR 1,234.56'],
  ['SEK', 2, 2, '1234.56', 'SEK 1,234.56'],
  ['TWD', 2, 2, '1234.56', 'NT$1,234.56'],
  ['JPY', 0, 0, '123456', '¥123,456'],
  ['KRW', 0, 0, '123456', '₩123,456'],
  ['CLP', 0, 0, '123456', 'CLP 123,456'],
  ['ISK', 0, 0, '123456', 'ISK 123,456'],
  ['UGX', 0, 0, '123456', 'UGX 123,456'],
  ['VND', 0, 0, '123456', '₫123,456'],
  ['PYG', 0, 0, '123456', 'PYG 123,456'],
  ['XOF', 0, 0, '123456', 'F\u202fCFA 123,456'],
  ['KWD', 3, 3, '123.456', 'KWD 123.456'],
  ['BHD', 3, 3, '123.456', 'BHD 123.456'],
  ['JOD', 3, 3, '123.456', 'JOD 123.456'],
  ['OMR', 3, 3, '123.456', 'OMR 123.456'],
  ['TND', 3, 3, '123.456', 'TND 123.456'],
  // ISO and CLDR disagree: ISO keeps two minor digits, CLDR shows none. We store
  // ISO's and show every digit that is not zero.
  ['HUF', 2, 0, '1234.56', 'HUF 1,234.56'],
  ['IDR', 2, 0, '1234.56', 'IDR 1,234.56'],
  ['COP', 2, 0, '1234.56', 'COP 1,234.56'],
  ['MGA', 2, 0, '1234.56', 'MGA 1,234.56'],
  ['IQD', 3, 0, '123.456', 'IQD 123.456'],
];

describe('currencies', () => {
  it.each(TABLE)('%s: exponent %i, Intl digits %i, %s, %s', (code, exp, cldr, decimal, en) => {
    expect(currencyExponent(code)).toBe(exp);
    expect(intlDigits(code)).toBe(cldr);
    const m = money(123456, code);
    expect(toDecimalString(m)).toBe(decimal);
    expect(formatMoney(m, 'en').replace(/\u00a0/g, ' ')).toBe(en);
    expect(parseAmount(decimal, code)).toEqual(m);
  });

  it('covers more than 20 currencies in the table', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(20);
  });

  it('lists every active currency, all known to Intl, and none of the retired ones', () => {
    const intl = new Set(Intl.supportedValuesOf('currency'));
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    // VED (digital bolívar, 2021) is newer than this ICU's list; Intl still formats it.
    for (const code of CURRENCY_CODES.filter((c) => c !== 'VED')) {
      expect(intl.has(code), code).toBe(true);
    }
    for (const gone of ['HRK', 'SLL', 'ZWL', 'BGN', 'ANG', 'XAU', 'CLF', 'USN']) {
      expect(isCurrencyCode(gone), gone).toBe(false);
    }
  });

  it('rejects unknown or lower-case codes with UNSUPPORTED_CURRENCY', () => {
    for (const bad of ['XXX', 'usd', 'US', '', 'DOGE']) {
      expect(isCurrencyCode(bad)).toBe(false);
      try {
        currencyExponent(bad);
        expect.unreachable();
      } catch (e) {
        expect(isAldeaError(e, 'UNSUPPORTED_CURRENCY')).toBe(true);
      }
    }
  });
});
