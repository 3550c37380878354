import { asc } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { pickLocalized } from '../i18n/locales.js';
import { type ProductStatus, products, variants } from '../schema/catalog.js';
import { loadFirstImages, toImageView } from './image-rows.js';
import { cachedSelect } from './prepared.js';
import { fixedPricesOf, inJsonPairs, jsonList, titlesOf } from './sql-fragments.js';
import type { ProductSummary, SummaryVariantView } from './views.js';

/** The columns of `products` a summary needs, plus its titles in every locale. */
export const productRowFields = {
  id: products.id,
  shopId: products.shopId,
  slug: products.slug,
  status: products.status,
  originPlace: products.originPlace,
  createdAt: products.createdAt,
  titles: titlesOf(products.shopId, products.id),
};

/** One row of a listing's first statement. */
export interface ProductRow {
  id: string;
  shopId: string;
  slug: string;
  status: ProductStatus;
  originPlace: string;
  createdAt: Date;
  titles: [string, string][];
}

/** What a summary needs to know about the product's shop. */
export interface ShopFacts {
  baseCurrency: string;
  defaultLocale: string;
}

function summaryVariantsStatement(db: Db) {
  return cachedSelect(
    db,
    'catalog.variants.summary',
    {
      productId: variants.productId,
      id: variants.id,
      priceMinor: variants.priceMinor,
      stockOnHand: variants.stockOnHand,
      madeToOrder: variants.madeToOrder,
      fixedPrices: fixedPricesOf(variants.shopId, variants.id),
    },
    (f) =>
      db
        .select(f)
        .from(variants)
        .where(inJsonPairs(variants.shopId, variants.productId, 'shops', 'products'))
        .orderBy(asc(variants.position), asc(variants.id))
        .prepare(),
  );
}

/**
 * Resolves a title following the fallback chain (requested → shop default →
 * any, in locale order so "any" is deterministic).
 */
export function pickTitle(
  titles: [string, string][],
  locale: string,
  shopDefault: string,
): { title: string; locale: string } {
  const sorted = [...titles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const picked = pickLocalized(new Map(sorted), locale, shopDefault);
  return { title: picked?.value ?? '', locale: picked?.locale ?? shopDefault };
}

/** Sums up variants into the summary's price and availability fields. */
export function variantFacts(vs: readonly SummaryVariantView[]) {
  return {
    priceMinMinor: vs.length === 0 ? null : Math.min(...vs.map((v) => v.priceMinor)),
    inStock: vs.some((v) => v.stockOnHand > 0),
    madeToOrder: vs.some((v) => v.madeToOrder),
  };
}

/**
 * Turns a page of product rows into summaries with two more statements (the
 * page's variants with their fixed prices, and each product's first photo),
 * whatever the page size: never one query per product.
 */
export async function buildSummaries(
  db: Db,
  rows: readonly ProductRow[],
  locale: string,
  shopFacts: (shopId: string) => ShopFacts,
): Promise<ProductSummary[]> {
  if (rows.length === 0) return [];
  const shopIds = [...new Set(rows.map((r) => r.shopId))];
  const productIds = rows.map((r) => r.id);
  const variantRows = await summaryVariantsStatement(db).all({
    shops: jsonList(shopIds),
    products: jsonList(productIds),
  });
  const images = await loadFirstImages(db, shopIds, productIds);
  const byProduct = new Map<string, SummaryVariantView[]>();
  for (const { productId, ...v } of variantRows) {
    const list = byProduct.get(productId);
    if (list) list.push(v);
    else byProduct.set(productId, [v]);
  }
  return rows.map((r) => {
    const shop = shopFacts(r.shopId);
    const vs = byProduct.get(r.id) ?? [];
    const { title, locale: titleLocale } = pickTitle(r.titles, locale, shop.defaultLocale);
    const image = images.get(r.id);
    return {
      id: r.id,
      shopId: r.shopId,
      slug: r.slug,
      status: r.status,
      title,
      titleLocale,
      originPlace: r.originPlace,
      baseCurrency: shop.baseCurrency,
      image: image ? toImageView(image, locale, shop.defaultLocale) : null,
      variants: vs,
      ...variantFacts(vs),
      createdAt: r.createdAt,
    };
  });
}
