import { AldeaError } from '../errors.js';
import { currencyExponent } from '../money/currencies.js';
import type { Money } from '../money/money.js';

/** Payment providers with amount rules of their own. */
export type PaymentProviderName = 'stripe';

/**
 * Currencies Stripe treats as zero-decimal: the API amount is in major units.
 * All are zero-exponent in ISO 4217 too, except MGA (ISO: 2 decimals).
 * UGX and ISK are zero-decimal but follow their own rule (see {@link STRIPE_TIMES_100}).
 */
const STRIPE_ZERO_DECIMAL = new Set(
  'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF'.split(' '),
);
/** ISK and UGX: zero-decimal, but Stripe keeps taking them with two (zero) decimals: 5 ISK = 500. */
const STRIPE_TIMES_100 = new Set(['ISK', 'UGX']);
/** Three-decimal currencies: Stripe's partners need the last digit to be 0. */
const STRIPE_THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
/** HUF and TWD: two decimals in charges, but payouts only in whole units (divisible by 100). */
const STRIPE_WHOLE_PAYOUTS = new Set(['HUF', 'TWD']);

function refuse(m: Money, message: string): AldeaError {
  return new AldeaError(
    'PAYMENT_PROVIDER',
    `Stripe cannot take ${m.amountMinor} ${m.currency}: ${message}`,
  );
}

/** Options for {@link toProviderAmount}. */
export interface ProviderAmountOptions {
  /** The amount is for a payout (HUF and TWD payouts must be whole units). */
  payout?: boolean;
}

/**
 * The integer amount a payment provider expects for a Money. Stripe's special
 * cases: zero-decimal currencies in major units (MGA: ISO minor ÷ 100, whole
 * ariary only); ISK and UGX multiplied by 100; three-decimal amounts must end in
 * 0; HUF and TWD payouts must be divisible by 100. An amount the provider would
 * refuse or alter is an error here, never silently rounded: the buyer pays
 * exactly the quoted amount or not at all.
 *
 * @example
 * toProviderAmount(money(1799, 'USD'), 'stripe'); // 1799
 * toProviderAmount(money(1930, 'JPY'), 'stripe'); // 1930
 * toProviderAmount(money(5, 'ISK'), 'stripe');    // 500
 * toProviderAmount(money(5124, 'KWD'), 'stripe'); // throws PAYMENT_PROVIDER (must end in 0)
 * @throws AldeaError PAYMENT_PROVIDER, UNSUPPORTED_CURRENCY
 */
export function toProviderAmount(
  m: Money,
  provider: PaymentProviderName,
  opts: ProviderAmountOptions = {},
): number {
  if (provider !== 'stripe')
    throw new AldeaError('PAYMENT_PROVIDER', `unknown provider ${provider}`);
  const exp = currencyExponent(m.currency);
  if (!Number.isSafeInteger(m.amountMinor) || m.amountMinor < 0) {
    throw refuse(m, 'amounts are non-negative whole minor units');
  }
  if (STRIPE_TIMES_100.has(m.currency)) {
    const amount = m.amountMinor * 100;
    if (!Number.isSafeInteger(amount)) throw refuse(m, 'too large');
    return amount;
  }
  if (STRIPE_ZERO_DECIMAL.has(m.currency)) {
    const per = 10 ** exp; // 1 for JPY and friends, 100 for MGA
    if (m.amountMinor % per !== 0) throw refuse(m, `${m.currency} is charged in whole units`);
    return m.amountMinor / per;
  }
  if (STRIPE_THREE_DECIMAL.has(m.currency) && m.amountMinor % 10 !== 0) {
    throw refuse(m, `${m.currency} amounts must end in 0 (e.g. 5.120, not 5.124)`);
  }
  if (opts.payout && STRIPE_WHOLE_PAYOUTS.has(m.currency) && m.amountMinor % 100 !== 0) {
    throw refuse(m, `${m.currency} payouts must be whole units`);
  }
  return m.amountMinor;
}

/**
 * The Money an integer provider amount stands for (webhooks, refunds, payouts):
 * the reverse of {@link toProviderAmount}.
 *
 * @example
 * fromProviderAmount(500, 'ISK', 'stripe');  // { amountMinor: 5, currency: 'ISK' }
 * fromProviderAmount(1930, 'JPY', 'stripe'); // { amountMinor: 1930, currency: 'JPY' }
 * @throws AldeaError PAYMENT_PROVIDER for an amount that maps to no whole minor units (ISK 550)
 */
export function fromProviderAmount(
  amount: number,
  currency: string,
  provider: PaymentProviderName,
): Money {
  if (provider !== 'stripe')
    throw new AldeaError('PAYMENT_PROVIDER', `unknown provider ${provider}`);
  const code = currency.toUpperCase(); // Stripe sends lower-case codes
  const exp = currencyExponent(code);
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new AldeaError('PAYMENT_PROVIDER', `Stripe amount ${amount} is not a whole number`);
  }
  if (STRIPE_TIMES_100.has(code)) {
    if (amount % 100 !== 0) {
      throw new AldeaError(
        'PAYMENT_PROVIDER',
        `Stripe ${code} amount ${amount} has fractional units`,
      );
    }
    return { amountMinor: amount / 100, currency: code };
  }
  const minor = STRIPE_ZERO_DECIMAL.has(code) ? amount * 10 ** exp : amount;
  if (!Number.isSafeInteger(minor)) throw new AldeaError('PAYMENT_PROVIDER', 'amount too large');
  return { amountMinor: minor, currency: code };
}
