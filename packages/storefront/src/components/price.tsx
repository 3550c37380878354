import { type CartPricer, formatMoney, type Money } from '@aldea/core';
import type { Ui } from './ui.js';

/** What a listing or product page shows as the price of a set of variants. */
export type ShownPrice =
  | { kind: 'price'; amount: Money; from: boolean }
  | { kind: 'unavailable'; currency: string };

type PricedVariant = { priceMinor: number; fixedPrices: Partial<Record<string, number>> };

/**
 * The lowest price of `variants` in the pricer's currency ("from" when they
 * differ). Variants that cannot be priced in it are skipped; when none can, the
 * product is unavailable in that currency — never shown at 0.
 */
export function shownPrice(pricer: CartPricer, variants: readonly PricedVariant[]): ShownPrice {
  let min: Money | undefined;
  let from = false;
  for (const v of variants) {
    const r = pricer.price(v);
    if (!r.ok) continue;
    if (min && r.amount.amountMinor !== min.amountMinor) from = true;
    if (!min || r.amount.amountMinor < min.amountMinor) min = r.amount;
  }
  return min
    ? { kind: 'price', amount: min, from }
    : { kind: 'unavailable', currency: pricer.currency };
}

/** A price in the buyer's locale ("from €12.99"), or "not sold in EUR". */
export function PriceTag({ ui, price }: { ui: Ui; price: ShownPrice }) {
  if (price.kind === 'unavailable') {
    return (
      <span class="unavailable">{ui.t('product.unavailableIn', { currency: price.currency })}</span>
    );
  }
  const text = formatMoney(price.amount, ui.locale);
  return <span class="price">{price.from ? ui.t('product.from', { price: text }) : text}</span>;
}
