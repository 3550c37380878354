import { AldeaError } from '../errors.js';
import { currencyExponent } from './currencies.js';
import type { Money } from './money.js';
import { currencySigns, localeSeparators } from './number-symbols.js';

/** Options for {@link parseAmount}. */
export interface ParseAmountOptions {
  /**
   * The seller's locale (default `en`). It only decides the one ambiguous shape:
   * a single separator followed by exactly three digits ("1,234" / "1.234"),
   * which is a thousands group when that separator is the locale's group
   * separator and a decimal point otherwise.
   */
  locale?: string;
  /** The field name errors point at (default `amount`). */
  path?: string;
}

const MAX_INPUT = 64;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function reject(text: string, path: string, code: string, reason: string): AldeaError {
  return new AldeaError('VALIDATION', `"${text}" is not a valid amount: ${reason}`, [
    { path, message: reason, code },
  ]);
}

/** Removes one currency code or symbol at either end ("MX$350", "350 MXN", "¥88"). */
function stripCurrencySign(s: string, currency: string, locale: string | undefined): string {
  const upper = s.toUpperCase();
  for (const sign of currencySigns(currency, locale)) {
    const isCode = sign === currency;
    const head = isCode ? upper.startsWith(sign) : s.startsWith(sign);
    if (head) return s.slice(sign.length).trim();
    const tail = isCode ? upper.endsWith(sign) : s.endsWith(sign);
    if (tail) return s.slice(0, s.length - sign.length).trim();
  }
  return s;
}

// "1,234,567", or Indian grouping "12,34,567": every group but the first is full.
function validGroups(groups: string[], sep: string): boolean {
  const [first, ...rest] = groups;
  if (!first || rest.length === 0) return false;
  if (first.length > 3 || first.startsWith('0')) return false;
  if (rest.every((g) => g.length === 3)) return true;
  const last = rest.at(-1)!;
  return (
    sep === ',' &&
    first.length <= 2 &&
    last.length === 3 &&
    rest.slice(0, -1).every((g) => g.length === 2)
  );
}

/**
 * Reads an amount a seller typed in their own currency into a {@link Money}.
 *
 * Accepted: "350", "350.50", "350,5", "1,234.5", "1.234,50", "1 234,50",
 * full-width digits ("３５０"), and a currency code or sign at either end
 * ("MX$350", "350 MXN"). Which separator is the decimal one:
 * - both "," and "." present: the last one (it must appear once);
 * - the same separator repeated, or spaces: thousands groups;
 * - one separator with 1–2 (or 4+) digits after it: the decimal point;
 * - one separator with exactly 3 digits after it: decided by `opts.locale` (see
 *   {@link ParseAmountOptions.locale}); with the default `en`, "1,234" is 1234
 *   and "1.234" is 1.234 — which MXN then rejects as too many decimals.
 *
 * Rejected with a VALIDATION error naming the problem: empty text, signs
 * ("-5"), exponents ("1e3"), letters, misplaced groups ("12,34"), more decimals
 * than the currency has ("350.555" MXN, "88.5" JPY — even trailing zeros), and
 * amounts beyond the safe integer range.
 *
 * @example
 * parseAmount('350.50', 'MXN');    // { amountMinor: 35050, currency: 'MXN' }
 * parseAmount('1,234.5', 'USD');   // { amountMinor: 123450, currency: 'USD' }
 * parseAmount('1.234,5', 'EUR');   // { amountMinor: 123450, currency: 'EUR' }
 * parseAmount('350.555', 'MXN');   // throws VALIDATION: MXN takes at most 2 decimals
 * @throws AldeaError VALIDATION (issue path `opts.path`), UNSUPPORTED_CURRENCY
 */
export function parseAmount(text: string, currency: string, opts: ParseAmountOptions = {}): Money {
  const exp = currencyExponent(currency);
  const path = opts.path ?? 'amount';
  if (typeof text !== 'string') throw reject(String(text), path, 'not_text', 'expected text');
  const shown = text.length > MAX_INPUT ? `${text.slice(0, MAX_INPUT)}…` : text;
  if (text.length > MAX_INPUT) throw reject(shown, path, 'too_long', 'too long for an amount');
  // NFKC: full-width digits and punctuation from Chinese keyboards become ASCII;
  // no-break and narrow spaces become plain spaces.
  let s = text.normalize('NFKC').trim();
  if (s === '') throw reject(shown, path, 'empty', 'type an amount, e.g. 350 or 350.50');
  s = stripCurrencySign(s, currency, opts.locale);
  if (/^[-−–]|[-−–]$/.test(s)) {
    throw reject(shown, path, 'negative', 'an amount cannot be negative');
  }
  if (/^\d[\d.,]*e/i.test(s)) {
    throw reject(shown, path, 'exponent', 'write the number in full, without an exponent');
  }
  if (!/^\d[\d., ]*$/.test(s) || /\d$/.test(s) === false) {
    throw reject(
      shown,
      path,
      'invalid_characters',
      'use only digits and one decimal separator, e.g. 350.50',
    );
  }

  const hasSpaceGroups = s.includes(' ');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let decimalSep: string | undefined;
  if (lastComma >= 0 && lastDot >= 0) {
    decimalSep = lastComma > lastDot ? ',' : '.';
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    if (count > 1) decimalSep = undefined;
    else if (hasSpaceGroups || after !== 3) decimalSep = sep;
    else decimalSep = localeSeparators(opts.locale).group === sep ? undefined : sep;
  }

  let intPart = s;
  let fracPart = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (intPart.includes(decimalSep)) {
      throw reject(shown, path, 'several_decimal_separators', `"${decimalSep}" appears twice`);
    }
    if (!/^\d+$/.test(fracPart)) {
      throw reject(shown, path, 'invalid_characters', 'only digits may follow the decimal point');
    }
  }
  const groupSeps = new Set(intPart.replace(/\d/g, ''));
  if (groupSeps.size > 1) {
    throw reject(shown, path, 'bad_grouping', 'mixes different thousands separators');
  }
  if (groupSeps.size === 1) {
    const sep = [...groupSeps][0]!;
    if (!validGroups(intPart.split(sep), sep)) {
      throw reject(shown, path, 'bad_grouping', 'thousands separators must be every 3 digits');
    }
  }
  const digits = intPart.replace(/\D/g, '');
  if (fracPart.length > exp) {
    const reason =
      exp === 0
        ? `${currency} has no decimals`
        : `${currency} takes at most ${exp} decimal${exp === 1 ? '' : 's'}`;
    throw reject(shown, path, 'too_many_decimals', reason);
  }
  const minor = BigInt(digits + fracPart.padEnd(exp, '0'));
  if (minor > MAX_SAFE) throw reject(shown, path, 'too_big', 'too large');
  return { amountMinor: Number(minor), currency };
}
