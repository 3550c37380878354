import { currencyExponent } from '../money/currencies.js';
import type { PricingRule, RoundingRule } from './rounding.js';

/**
 * The rounding a converted price gets when the shop chose nothing, per
 * currency: what a local shop would write, moving an artisan's price by a few
 * percent at most, and always a valid amount for Stripe (HUF/TWD whole units,
 * ISK whole krónur, three-decimal currencies ending in 0). The reasons are in
 * docs/decisions/004-pricing-and-rounding.md.
 */
const DEFAULTS: Record<string, RoundingRule> = {};
const add = (rule: RoundingRule, codes: string) => {
  for (const code of codes.split(' ')) DEFAULTS[code] = rule;
};
// Charm prices are the norm where buyers are used to them.
add('end-99', 'USD EUR GBP CAD AUD NZD SGD PLN RON ZAR');
add('end-90', 'CHF BRL ILS MYR');
// Whole units: price tags there rarely carry cents.
add('step-1', 'CNY MXN HKD TWD INR TRY THB PHP SEK NOK DKK CZK ARS EGP MAD AED SAR QAR UAH');
// Low-value units: a tidy step of a few US cents.
add('step-10', 'JPY HUF ISK RSD KES PKR LKR KZT AMD');
add('step-100', 'KRW CLP UGX COP PYG TZS NGN MMK GNF IQD MGA');
add('step-1000', 'IDR VND IRR LAK UZS LBP');
// Three-decimal dinars: five fils (KWD, BHD, OMR, JOD ≈ 0.13–0.17 USD) or ten millimes.
add('step-0.05', 'KWD BHD OMR JOD');
add('step-0.1', 'TND LYD');

/**
 * The default rounding rule for a buyer currency (never "below converted").
 * Currencies not listed get `none` (nearest minor unit) — except three-decimal
 * ones, which get `step-0.01` so the last digit is 0 as card networks require.
 *
 * @example
 * defaultRoundingRule('USD'); // { rounding: 'end-99', neverBelow: false }
 * defaultRoundingRule('JPY'); // { rounding: 'step-10', neverBelow: false }
 */
export function defaultRoundingRule(currency: string): PricingRule {
  const rounding = DEFAULTS[currency] ?? (currencyExponent(currency) === 3 ? 'step-0.01' : 'none');
  return { rounding, neverBelow: false };
}

/** Every currency with an explicit default (for tests and the admin's help text). */
export const DEFAULT_ROUNDING_RULES: Readonly<Record<string, RoundingRule>> = DEFAULTS;
