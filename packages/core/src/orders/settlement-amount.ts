import { currencyExponent } from '../money/currencies.js';
import { parseDecimal, pow10 } from '../money/decimal.js';
import type { Money } from '../money/money.js';

/** What {@link toSettlementAmount} needs of an order: its currencies and locked rate. */
export interface SettlementRate {
  /** The shop's base currency, in which the seller thinks and is settled. */
  settlementCurrency: string;
  /** Exact decimal rate base → presentment the order's quote used, or null (fixed prices only). */
  fxRate: string | null;
}

/**
 * What an amount of an order (in the buyer's currency) is worth in the shop's
 * own currency at the rate the order locked: `amount ÷ rate`, exactly in
 * bigints, rounded half up to the shop currency's minor unit. Pure.
 *
 * It is for the seller's eyes ("≈ MX$1,200.00"): the buyer's prices were
 * converted, given the shop's margin and then rounded to look like real prices,
 * so dividing back lands near — not always exactly on — the shop's own price.
 * An amount already in the shop's currency comes back as is; an order without a
 * rate (every price fixed in the buyer's currency) gives `null`.
 *
 * @example
 * toSettlementAmount({ amountMinor: 6000, currency: 'EUR' }, { settlementCurrency: 'MXN', fxRate: '0.05' });
 * // { amountMinor: 120000, currency: 'MXN' }   (60.00 EUR ÷ 0.05 = 1,200.00 MXN)
 * toSettlementAmount({ amountMinor: 1930, currency: 'JPY' }, { settlementCurrency: 'CNY', fxRate: '20.5' });
 * // { amountMinor: 9415, currency: 'CNY' }     (¥1,930 ÷ 20.5 = 94.146… CNY)
 */
export function toSettlementAmount(amount: Money, order: SettlementRate): Money | null {
  if (amount.currency === order.settlementCurrency) return amount;
  const rate = order.fxRate === null ? undefined : parseDecimal(order.fxRate);
  if (!rate || rate.int === 0n) return null;
  const fromExp = currencyExponent(amount.currency);
  const toExp = currencyExponent(order.settlementCurrency);
  // base = presentment ÷ (int / 10^scale), moved from one currency's minor unit to the other's.
  const n = BigInt(amount.amountMinor) * pow10(toExp) * pow10(rate.scale);
  const d = pow10(fromExp) * rate.int;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const rounded = (abs * 2n + d) / (2n * d);
  const minor = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(minor)) return null;
  return { amountMinor: minor, currency: order.settlementCurrency };
}
