import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';
import { money } from './money.js';

// Intl separates with no-break spaces; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    [1799, 'USD', 'en', '$17.99'],
    [1799, 'USD', 'es-MX', 'USD 17.99'],
    [35000, 'MXN', 'es-MX', '$350.00'],
    [8800, 'CNY', 'zh-CN', '¥88.00'],
    [1930, 'JPY', 'zh-CN', 'JP¥1,930'],
    [1930, 'JPY', 'ja', '￥1,930'],
    [123450, 'EUR', 'de', '1.234,50 €'],
    [123450, 'EUR', 'fr', '1 234,50 €'],
    [5120, 'KWD', 'en', 'KWD 5.120'],
    [1230000, 'HUF', 'en', 'HUF 12,300'],
    [1230050, 'HUF', 'en', 'HUF 12,300.50'],
  ])('%i %s in %s → %s', (amount, currency, locale, expected) => {
    expect(plain(formatMoney(money(amount, currency), locale))).toBe(expected);
  });

  it('formats amounts beyond float precision exactly', () => {
    expect(formatMoney(money(9_007_199_254_740_991, 'USD'), 'en')).toBe('$90,071,992,547,409.91');
  });

  it('honours currencyDisplay and hideZeroFraction', () => {
    expect(formatMoney(money(7000, 'USD'), 'en', { hideZeroFraction: true })).toBe('$70');
    expect(formatMoney(money(7050, 'USD'), 'en', { hideZeroFraction: true })).toBe('$70.50');
    expect(plain(formatMoney(money(7000, 'USD'), 'en', { currencyDisplay: 'code' }))).toBe(
      'USD 70.00',
    );
    expect(formatMoney(money(100, 'USD'), 'en', { currencyDisplay: 'name' })).toBe(
      '1.00 US dollars',
    );
  });

  it('falls back to English for a locale Intl does not know or a malformed tag', () => {
    expect(formatMoney(money(1799, 'USD'), 'not a locale!')).toBe('$17.99');
    expect(formatMoney(money(1799, 'USD'), '')).toBe('$17.99');
  });

  it('shows negative amounts with the locale sign', () => {
    expect(formatMoney(money(-1799, 'USD'), 'en')).toBe('-$17.99');
  });
});
