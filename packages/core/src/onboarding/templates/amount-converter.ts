import type { Db } from '../../db/database.js';
import { AldeaError } from '../../errors.js';
import { deriveRate, FX_PIVOT } from '../../fx/derive-rate.js';
import { loadLatestRates } from '../../fx/latest-rates.js';
import { makeConverter } from '../../pricing/converter.js';
import { defaultRoundingRule } from '../../pricing/default-rules.js';

/** Converts template amounts into a shop's currency (identity when the currencies match). */
export interface AmountConverter {
  from: string;
  to: string;
  /** The rate used as people read it, or `null` when nothing is converted. */
  rate: string | null;
  /** Minor units of `from` → minor units of `to`, rounded by `to`'s default rule (0 stays 0). */
  convert(amountMinor: number): number;
}

/**
 * The converter for template amounts at the current rate (the shop's own
 * rate first, else the platform's direct, inverse or cross rate through EUR),
 * rounded once by the target currency's default rule — so 88.00 CNY becomes a
 * whole-peso price, as a Comonfort seller would write it.
 *
 * @example
 * // 1 EUR = 7.8 CNY, 1 EUR = 20 MXN: 88.00 CNY → 88 × 20 / 7.8 = 225.64 → 226.00 MXN
 * (await templateConverter(db, shopId, 'CNY', 'MXN')).convert(8800); // 22600
 * @throws AldeaError VALIDATION (`currency`, code `no_rate`) when no rate connects the two
 */
export async function templateConverter(
  db: Db,
  shopId: string,
  from: string,
  to: string,
): Promise<AmountConverter> {
  if (from === to) return { from, to, rate: null, convert: (m) => m };
  const rates = await loadLatestRates(db, { currencies: [from, to, FX_PIVOT], shopId });
  const rate = deriveRate(rates, from, to);
  if (!rate) {
    const message = `no exchange rate from ${from} to ${to}: set one first`;
    throw new AldeaError('VALIDATION', message, [{ path: 'currency', message, code: 'no_rate' }]);
  }
  const converter = makeConverter(rate, defaultRoundingRule(to), 0);
  return {
    from,
    to,
    rate: rate.display,
    convert: (m) => (m === 0 ? 0 : Number(converter.convert(m))),
  };
}
