import type { ShopRef } from '../tenancy/context.js';
import { currencyOfRegion } from './region-currency.js';

/** Input of {@link chooseBuyerCurrency}. */
export interface ChooseBuyerCurrencyInput {
  /** The buyer's explicit choice (cookie or `?currency=`), any case; ignored when not offered. */
  explicit?: string | undefined;
  /** The raw Accept-Language header. */
  acceptLanguage?: string | undefined;
  shop: Pick<ShopRef, 'baseCurrency' | 'buyerCurrencies'>;
}

const MAX_HEADER = 1000;
const MAX_TAGS = 20;

/** Language tags of an Accept-Language header, best first (q-values, then order). */
export function acceptLanguageTags(header: string): string[] {
  return header
    .slice(0, MAX_HEADER)
    .split(',')
    .slice(0, MAX_TAGS)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.tag !== '' && t.tag !== '*' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.tag);
}

/** The region a tag names (`es-MX` → MX), or with `likely`, its likely one (`ja` → JP). */
function regionOf(tag: string, likely: boolean): string | undefined {
  try {
    const locale = new Intl.Locale(tag);
    return (likely ? locale.maximize().region : locale.region)?.toUpperCase();
  } catch {
    return undefined;
  }
}

/**
 * The currency to show a buyer: their explicit choice if the shop offers it →
 * the currency of the first region named in Accept-Language the shop offers
 * (`de-CH` → CHF; `es-419` names no country and is skipped) → the likely region
 * of a bare language (`ja` → JP → JPY; weaker, so it comes after every named
 * region) → the shop's base currency. Only currencies the shop enabled are
 * ever returned.
 *
 * @example
 * chooseBuyerCurrency({ acceptLanguage: 'en-GB,en;q=0.8', shop }); // 'GBP' if offered
 * chooseBuyerCurrency({ explicit: 'usd', shop });                  // 'USD' if offered
 */
export function chooseBuyerCurrency(input: ChooseBuyerCurrencyInput): string {
  const { baseCurrency, buyerCurrencies } = input.shop;
  const offered = (c: string | undefined): c is string =>
    c !== undefined && (c === baseCurrency || buyerCurrencies.includes(c));
  const explicit = input.explicit?.trim().toUpperCase();
  if (offered(explicit)) return explicit;
  const tags = acceptLanguageTags(input.acceptLanguage ?? '');
  for (const likely of [false, true]) {
    for (const tag of tags) {
      const region = regionOf(tag, likely);
      const currency = region ? currencyOfRegion(region) : undefined;
      if (offered(currency)) return currency;
    }
  }
  return baseCurrency;
}
