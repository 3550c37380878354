import { AldeaError } from '../errors.js';
import { currencyExponent } from './currencies.js';

/**
 * An amount of money: integer minor units (cents, fen, centavos; yen for JPY,
 * fils for KWD) of an ISO 4217 currency. Never a float, always a safe integer.
 *
 * @example
 * const price: Money = { amountMinor: 35050, currency: 'MXN' }; // 350.50 MXN
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

function outOfRange(what: string): AldeaError {
  return new AldeaError('VALIDATION', `${what} is too large to be an exact amount`, [
    { path: 'amountMinor', message: 'amount out of range', code: 'too_big' },
  ]);
}

function checkSafe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw outOfRange(what);
  return n;
}

/**
 * Makes a {@link Money}, checking that the amount is a safe integer and the
 * currency an active ISO 4217 code.
 *
 * @example
 * money(35050, 'MXN'); // { amountMinor: 35050, currency: 'MXN' }
 * money(1.5, 'USD');   // throws VALIDATION: not whole minor units
 * @throws AldeaError VALIDATION for a non-integer or unsafe amount, UNSUPPORTED_CURRENCY for an unknown code
 */
export function money(amountMinor: number, currency: string): Money {
  currencyExponent(currency);
  if (!Number.isInteger(amountMinor)) {
    throw new AldeaError(
      'VALIDATION',
      `amount must be whole minor units of ${currency}, got ${amountMinor}`,
      [{ path: 'amountMinor', message: 'must be an integer', code: 'not_integer' }],
    );
  }
  checkSafe(amountMinor, 'amount');
  return { amountMinor, currency };
}

/** Zero in a currency. @example zeroMoney('JPY'); // { amountMinor: 0, currency: 'JPY' } */
export function zeroMoney(currency: string): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new AldeaError(
      'CURRENCY_MISMATCH',
      `cannot combine ${a.currency} with ${b.currency}: convert first`,
    );
  }
}

/**
 * `a + b`, same currency only.
 *
 * @example
 * addMoney(money(100, 'USD'), money(250, 'USD')); // 3.50 USD
 * @throws AldeaError CURRENCY_MISMATCH when the currencies differ
 */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: checkSafe(a.amountMinor + b.amountMinor, 'sum'), currency: a.currency };
}

/**
 * `a − b`, same currency only. The result may be negative.
 *
 * @example
 * subtractMoney(money(500, 'EUR'), money(120, 'EUR')); // 3.80 EUR
 * @throws AldeaError CURRENCY_MISMATCH when the currencies differ
 */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return {
    amountMinor: checkSafe(a.amountMinor - b.amountMinor, 'difference'),
    currency: a.currency,
  };
}

/**
 * A unit amount times a whole quantity (a cart line).
 *
 * @example
 * multiplyMoney(money(1799, 'USD'), 3); // 53.97 USD
 * @throws AldeaError VALIDATION for a non-integer quantity or an unsafe result
 */
export function multiplyMoney(m: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) {
    throw new AldeaError('VALIDATION', `quantity must be a whole number, got ${quantity}`, [
      { path: 'quantity', message: 'must be an integer', code: 'not_integer' },
    ]);
  }
  return { amountMinor: checkSafe(m.amountMinor * quantity, 'product'), currency: m.currency };
}

/**
 * The sum of amounts in one currency; an empty list sums to zero in `currency`.
 *
 * @example
 * sumMoney([money(100, 'JPY'), money(250, 'JPY')], 'JPY'); // 350 JPY
 * @throws AldeaError CURRENCY_MISMATCH when any item is in another currency
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let total = zeroMoney(currency);
  for (const item of items) total = addMoney(total, item);
  return total;
}

/**
 * Compares two amounts of the same currency: negative, zero or positive.
 *
 * @example
 * [b, a].sort(compareMoney);
 * @throws AldeaError CURRENCY_MISMATCH when the currencies differ
 */
export function compareMoney(a: Money, b: Money): number {
  sameCurrency(a, b);
  return a.amountMinor - b.amountMinor;
}

/** True when both amounts have the same currency and value. */
export function equalsMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}

/**
 * Splits `total` into parts proportional to `weights` (non-negative integers,
 * at least one positive), in whole minor units. The parts always sum exactly to
 * the total: the leftover minor units go, one each, to the parts with the
 * largest remainders (ties: the earlier part). A negative total is split like
 * its absolute value, then negated.
 *
 * @example
 * allocateMoney(money(1000, 'USD'), [1, 1, 1]); // 3.34, 3.33, 3.33 USD
 * allocateMoney(money(500, 'JPY'), [3, 0, 1]);  // 375, 0, 125 JPY
 * @throws AldeaError VALIDATION for no weights, a negative or non-integer weight, or all zero
 */
export function allocateMoney(total: Money, weights: readonly number[]): Money[] {
  const bad = weights.findIndex((w) => !Number.isSafeInteger(w) || w < 0);
  if (weights.length === 0 || bad >= 0 || !weights.some((w) => w > 0)) {
    throw new AldeaError(
      'VALIDATION',
      'weights must be non-negative whole numbers, at least one of them positive',
      [{ path: bad >= 0 ? `weights.${bad}` : 'weights', message: 'invalid weights' }],
    );
  }
  const sign = total.amountMinor < 0 ? -1n : 1n;
  const amount = BigInt(total.amountMinor) * sign;
  const ws = weights.map(BigInt);
  const sum = ws.reduce((a, b) => a + b, 0n);
  const parts = ws.map((w) => (amount * w) / sum);
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  // Largest remainder first; a stable sort keeps earlier parts first on ties.
  const order = ws
    .map((w, i) => ({ i, rem: (amount * w) % sum }))
    .sort((x, y) => (x.rem === y.rem ? 0 : x.rem > y.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ amountMinor: Number(p * sign) || 0, currency: total.currency }));
}

/**
 * The amount as a plain decimal in major units, with exactly the currency's
 * number of decimals and a dot: what goes in CSV exports, JSON-LD and forms.
 *
 * @example
 * toDecimalString(money(35050, 'MXN')); // '350.50'
 * toDecimalString(money(1930, 'JPY'));  // '1930'
 * toDecimalString(money(-5, 'KWD'));    // '-0.005'
 */
export function toDecimalString(m: Money): string {
  const exp = currencyExponent(m.currency);
  const negative = m.amountMinor < 0;
  const digits = Math.abs(m.amountMinor).toString();
  if (exp === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(exp + 1, '0');
  const text = `${padded.slice(0, -exp)}.${padded.slice(-exp)}`;
  return negative ? `-${text}` : text;
}
