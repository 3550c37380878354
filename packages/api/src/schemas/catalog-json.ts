import type {
  ImageView,
  Pricer,
  ProductDetail,
  ProductSummary as ProductSummaryView,
  SummaryVariantView,
  VariantView,
} from '@aldea/core';
import type { z } from '@hono/zod-openapi';
import type { Image, Product, ProductSummary, Variant, VariantSummary } from './catalog.js';
import { iso, isoOrNull } from './common.js';
import { lowest, priceWith } from './price.js';

/** What the catalog mappers need: prices in one currency, and where photos are served. */
export interface CatalogJsonContext {
  pricer: Pricer;
  mediaUrl: (key: string) => string;
}

function toImage(i: ImageView, mediaUrl: (key: string) => string): z.infer<typeof Image> {
  return {
    id: i.id,
    mediaId: i.mediaId,
    position: i.position,
    alt: i.alt,
    altLocale: i.altLocale,
    width: i.width,
    height: i.height,
    placeholder: i.placeholder,
    files: i.files.map((f) => ({
      format: f.format,
      width: f.width,
      height: f.height,
      url: mediaUrl(f.key),
    })),
  };
}

function fixed(prices: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(prices).filter((e): e is [string, number] => e[1] !== undefined),
  );
}

function toVariantSummary(v: SummaryVariantView, pricer: Pricer): z.infer<typeof VariantSummary> {
  return {
    id: v.id,
    priceMinor: v.priceMinor,
    fixedPrices: fixed(v.fixedPrices),
    price: priceWith(pricer, v),
    stockOnHand: v.stockOnHand,
    madeToOrder: v.madeToOrder,
  };
}

/** A variant in full, priced with the context's pricer. */
export function toVariant(v: VariantView, pricer: Pricer): z.infer<typeof Variant> {
  return {
    ...toVariantSummary(v, pricer),
    sku: v.sku,
    position: v.position,
    label: v.label,
    optionValueIds: v.optionValueIds,
    stockReserved: v.stockReserved,
    weightGrams: v.weightGrams,
    processingDaysMin: v.processingDaysMin,
    processingDaysMax: v.processingDaysMax,
  };
}

/** A listing card. */
export function toProductSummary(
  p: ProductSummaryView,
  o: CatalogJsonContext,
): z.infer<typeof ProductSummary> {
  const variants = p.variants.map((v) => toVariantSummary(v, o.pricer));
  return {
    id: p.id,
    shopId: p.shopId,
    slug: p.slug,
    status: p.status,
    title: p.title,
    titleLocale: p.titleLocale,
    originPlace: p.originPlace,
    baseCurrency: p.baseCurrency,
    image: p.image ? toImage(p.image, o.mediaUrl) : null,
    priceFrom: lowest(variants.map((v) => v.price)),
    variants,
    inStock: p.inStock,
    madeToOrder: p.madeToOrder,
    createdAt: iso(p.createdAt),
  };
}

/** A product in full. */
export function toProduct(p: ProductDetail, o: CatalogJsonContext): z.infer<typeof Product> {
  const variants = p.variants.map((v) => toVariant(v, o.pricer));
  return {
    ...toProductSummary(p, o),
    priceFrom: lowest(variants.map((v) => v.price)),
    variants,
    description: p.description,
    materials: p.materials,
    care: p.care,
    textLocale: p.textLocale,
    texts: p.texts,
    ...(p.textsByLocale
      ? {
          textsByLocale: Object.fromEntries(
            Object.entries(p.textsByLocale).filter(
              (e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== undefined,
            ),
          ),
        }
      : {}),
    originCountry: p.originCountry,
    options: p.options.map((opt) => ({
      id: opt.id,
      name: opt.name,
      names: fixedText(opt.names),
      values: opt.values.map((v) => ({ id: v.id, label: v.label, labels: fixedText(v.labels) })),
    })),
    images: p.images.map((i) => toImage(i, o.mediaUrl)),
    collections: p.collections,
    publishedAt: isoOrNull(p.publishedAt),
    updatedAt: iso(p.updatedAt),
  };
}

function fixedText(t: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(t).filter((e): e is [string, string] => e[1] !== undefined),
  );
}
