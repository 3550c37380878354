import { z } from 'zod';
import { formatDecimal, parseDecimal } from '../money/decimal.js';

/** The most digits a rate may have before and after the point. */
const MAX_INT_DIGITS = 12;
const MAX_FRACTION_DIGITS = 12;

/**
 * Checks and normalises an FX rate written as text: a plain positive decimal
 * ("1.1225", "161.09"), never a float, a sign, an exponent ("1e999") or zero.
 * Leading and trailing zeros are dropped ("07.50" → "7.5"); the value is exact.
 *
 * @example
 * normalizeRate('1.12250'); // { ok: true, rate: '1.1225' }
 * normalizeRate('1e999');   // { ok: false, reason: 'write the rate as a plain decimal number …' }
 */
export function normalizeRate(
  text: string,
): { ok: true; rate: string } | { ok: false; reason: string } {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const d = parseDecimal(trimmed);
  if (!d) {
    return { ok: false, reason: 'write the rate as a plain decimal number, e.g. 1.1225' };
  }
  if (d.int === 0n) return { ok: false, reason: 'a rate must be greater than zero' };
  const [whole = '', fraction = ''] = formatDecimal(d).split('.');
  if (whole.length > MAX_INT_DIGITS || fraction.length > MAX_FRACTION_DIGITS) {
    return {
      ok: false,
      reason: `a rate may have at most ${MAX_INT_DIGITS} digits before and ${MAX_FRACTION_DIGITS} after the point`,
    };
  }
  return { ok: true, rate: formatDecimal(d) };
}

/** zod schema for a rate typed by a person or read from a feed (see {@link normalizeRate}). */
export const RateText = z.string().transform((text, ctx) => {
  const r = normalizeRate(text);
  if (r.ok) return r.rate;
  ctx.addIssue({ code: 'custom', message: r.reason });
  return z.NEVER;
});
