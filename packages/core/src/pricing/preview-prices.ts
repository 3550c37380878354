import { AldeaError } from '../errors.js';
import type { ShopContext } from '../tenancy/context.js';
import { converterFor } from './converter.js';
import { type EffectiveRule, loadPricers, type PriceNote } from './load-pricer.js';
import type { PriceResult } from './resolve-price.js';

/** One row of the admin's live preview: what a buyer paying in `currency` sees. */
export interface PricePreviewRow {
  currency: string;
  result: PriceResult;
  rule: EffectiveRule;
  note: PriceNote | undefined;
  /** For converted prices: the exact conversion before rounding, major units ("17.1500"). */
  beforeRounding?: string;
}

/**
 * What buyers will pay for a base price in every currency the shop offers (the
 * base currency first), with the rule that produced each price — the admin's
 * live preview while a seller types "850". At most two statements.
 *
 * @example
 * const rows = await previewPrices(ctx, 85000, { USD: 4500 });
 * // [{ currency: 'MXN', result: { ok: true, amount: 850.00 MXN, provenance: { kind: 'base' } } },
 * //  { currency: 'USD', result: { ok: true, amount: 45.00 USD, provenance: { kind: 'fixed' } } },
 * //  { currency: 'EUR', result: { ok: true, amount: 39.99 EUR, … }, beforeRounding: '39.8153' }, …]
 * @throws AldeaError VALIDATION for a negative or fractional amount
 */
export async function previewPrices(
  ctx: ShopContext,
  baseAmountMinor: number,
  fixedPrices?: Partial<Record<string, number>>,
): Promise<PricePreviewRow[]> {
  if (!Number.isSafeInteger(baseAmountMinor) || baseAmountMinor < 0) {
    throw new AldeaError(
      'VALIDATION',
      'the price must be a non-negative whole number of minor units',
      [{ path: 'priceMinor', message: 'must be a non-negative integer' }],
    );
  }
  const { baseCurrency, buyerCurrencies } = ctx.shop;
  const currencies = [baseCurrency, ...buyerCurrencies.filter((c) => c !== baseCurrency)];
  const pricers = await loadPricers(ctx, currencies);
  return currencies.map((currency) => {
    const pricer = pricers.get(currency)!;
    const result = pricer.price({
      priceMinor: baseAmountMinor,
      ...(fixedPrices ? { fixedPrices } : {}),
    });
    const row: PricePreviewRow = { currency, result, rule: pricer.rule, note: pricer.note };
    if (result.ok && result.provenance.kind === 'converted' && pricer.rate) {
      row.beforeRounding = converterFor(pricer.rate, pricer.rule, pricer.rule.marginBps).exact(
        baseAmountMinor,
      );
    }
    return row;
  });
}
