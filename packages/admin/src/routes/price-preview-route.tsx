import {
  isAldeaError,
  type PricePreviewRow,
  parseAmount,
  previewPrices,
  type ShopContext,
} from '@aldea/core';
import type { Handler } from 'hono';
import type { AdminEnv } from '../env.js';
import { productField as F } from '../forms/product-form.js';
import { PricePreview } from '../pages/price-preview.js';
import type { FormValues } from '../ui/fields.js';

/** The minor units of a typed amount, or undefined when it is not one. */
function amount(text: string | undefined, currency: string, locale: string): number | undefined {
  if (!text?.trim()) return undefined;
  try {
    return parseAmount(text, currency, { locale }).amountMinor;
  } catch (err) {
    if (isAldeaError(err)) return undefined;
    throw err;
  }
}

/** One preview from a typed base price and typed fixed prices (by currency). */
async function previewOf(
  shop: ShopContext,
  price: string | undefined,
  fixed: (currency: string) => string | undefined,
): Promise<PricePreviewRow[] | undefined> {
  const { baseCurrency, buyerCurrencies } = shop.shop;
  const base = amount(price, baseCurrency, shop.locale);
  if (base === undefined || base <= 0) return undefined;
  const fixedPrices: Record<string, number> = {};
  for (const currency of buyerCurrencies) {
    if (currency === baseCurrency) continue;
    const minor = amount(fixed(currency), currency, shop.locale);
    if (minor !== undefined && minor > 0) fixedPrices[currency] = minor;
  }
  return previewPrices(shop, base, fixedPrices);
}

/** A preview for each version row of the product form whose price can be read. */
export function previewsFor(
  shop: ShopContext,
  values: FormValues,
  rows: number,
): Promise<(PricePreviewRow[] | undefined)[]> {
  return Promise.all(
    Array.from({ length: Math.min(rows, 20) }, (_, i) =>
      previewOf(shop, values[F.variant(i, 'price')], (c) => values[F.fixedPrice(i, c)]),
    ),
  );
}

/**
 * `GET …/products/preview?price=850&fixed.USD=45`: the preview table alone, for
 * the page script to swap in while the seller types.
 */
export function previewRoute(): Handler<AdminEnv> {
  return async (c) => {
    const shop = c.get('shop');
    const rows = await previewOf(shop, c.req.query('price'), (cur) => c.req.query(`fixed.${cur}`));
    const html = await (
      <PricePreview
        t={c.get('t')}
        locale={c.get('locale')}
        rows={rows}
        id={
          /^preview-\d{1,2}$/.test(c.req.query('target') ?? '') ? c.req.query('target') : undefined
        }
      />
    ).toString();
    c.header('Cache-Control', 'no-store');
    return c.html(html);
  };
}
