import { currencyExponent } from './currencies.js';
import { type Money, toDecimalString } from './money.js';
import { safeLocale } from './number-symbols.js';

/** Options for {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** How to show the currency (default `symbol`: "$", "MX$", "¥"). */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** Drop ".00" on whole amounts ("$70" rather than "$70.00"). Default false. */
  hideZeroFraction?: boolean;
}

const cache = new Map<string, Intl.NumberFormat>();

function formatter(
  locale: string,
  currency: string,
  minDigits: number,
  maxDigits: number,
  display: string,
) {
  const key = `${locale}|${currency}|${minDigits}|${maxDigits}|${display}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display as FormatMoneyOptions['currencyDisplay'],
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    cache.set(key, f);
  }
  return f;
}

const cldrCache = new Map<string, number>();

/** How many fraction digits CLDR shows by default for a currency (HUF 0, KWD 3…). */
function cldrDigits(currency: string): number {
  let d = cldrCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    cldrCache.set(currency, d ?? 2);
  }
  return d ?? 2;
}

/**
 * Formats money for people with `Intl.NumberFormat` in their locale. The
 * amount reaches `Intl` as exact decimal text, never as a float, and nothing is
 * ever rounded away: all of the currency's minor digits are shown when they are
 * not zero. When they are zero, the locale's usual form is used (CLDR shows
 * whole forints and rupiahs: "HUF 12,300", while USD keeps "$70.00" unless
 * `hideZeroFraction`). A locale `Intl` does not know falls back to English.
 *
 * @example
 * formatMoney(money(1799, 'USD'), 'en');        // '$17.99'
 * formatMoney(money(1930, 'JPY'), 'zh-CN');     // 'JP¥1,930'
 * formatMoney(money(123450, 'EUR'), 'de');      // '1.234,50 €'
 * formatMoney(money(35000, 'MXN'), 'es-MX');    // '$350.00'
 */
export function formatMoney(m: Money, locale: string, opts: FormatMoneyOptions = {}): string {
  const exp = currencyExponent(m.currency);
  const display = opts.currencyDisplay ?? 'symbol';
  const tag = safeLocale(locale);
  const unit = 10 ** exp; // an exact small integer, not a money value
  const whole = m.amountMinor % unit === 0;
  const minDigits = whole
    ? opts.hideZeroFraction
      ? 0
      : Math.min(cldrDigits(m.currency), exp)
    : exp;
  // Intl.NumberFormat v3 formats decimal strings exactly, beyond 2^53 too.
  const text = toDecimalString(m) as Intl.StringNumericLiteral;
  return formatter(tag, m.currency, minDigits, exp, display).format(text);
}
