import type { ProductStatus } from '../schema/catalog.js';
import type { LocalizedText } from '../schema/columns.js';

/**
 * What the catalog reads return. Every text is already resolved for the
 * context's locale (requested → shop default → any) and says which locale it
 * came from, so a page can say "shown in Chinese".
 */

/** One stored derivative of a photo; pages build URLs from `key`. */
export interface ImageFileView {
  format: 'webp' | 'avif' | 'jpeg';
  width: number;
  height: number;
  key: string;
}

/** A product photo with its derivatives (from `media_assets` + `media_files`). */
export interface ImageView {
  id: string;
  mediaId: string;
  position: number;
  /** Alt text in the best available locale; `''` when the seller wrote none. */
  alt: string;
  /** The locale `alt` is in, or `null` when there is no alt text. */
  altLocale: string | null;
  /** Every alt text the seller wrote, per locale (for the admin's editor). */
  altTexts: LocalizedText;
  width: number;
  height: number;
  /** A tiny blurred `data:` URI shown while the image loads. */
  placeholder: string;
  /** Sorted by format, then width ascending. */
  files: ImageFileView[];
}

/** A variant as listing cards need it. */
export interface SummaryVariantView {
  id: string;
  /** Base price in the shop's base currency, integer minor units. */
  priceMinor: number;
  /** Prices the seller fixed per buyer currency, integer minor units of that currency. */
  fixedPrices: Partial<Record<string, number>>;
  stockOnHand: number;
  madeToOrder: boolean;
}

/** A product as a listing card shows it. */
export interface ProductSummary {
  id: string;
  shopId: string;
  slug: string;
  status: ProductStatus;
  title: string;
  titleLocale: string;
  originPlace: string;
  /** The currency of every `priceMinor` (the shop's base currency). */
  baseCurrency: string;
  /** The first photo, or `null`. */
  image: ImageView | null;
  /** The lowest base price over the variants; `null` only for a draft without variants. */
  priceMinMinor: number | null;
  variants: SummaryVariantView[];
  /** Some variant has stock on hand (for made-to-order variants: capacity). */
  inStock: boolean;
  /** Some variant is made to order. */
  madeToOrder: boolean;
  createdAt: Date;
}

/** A variant in full, as the product page and the admin show it. */
export interface VariantView extends SummaryVariantView {
  sku: string;
  position: number;
  stockReserved: number;
  weightGrams: number;
  processingDaysMin: number;
  processingDaysMax: number;
  /** One option value id per option, in option order. */
  optionValueIds: string[];
  /** The option values' labels joined: `"Grande / Natural"`; `''` without options. */
  label: string;
}

/** An option axis with its labels resolved. */
export interface OptionView {
  id: string;
  name: string;
  /** Every name per locale (for the admin's editor). */
  names: LocalizedText;
  values: { id: string; label: string; labels: LocalizedText }[];
}

/** One locale's texts of a product, as stored. */
export interface ProductTextView {
  title: string;
  description: string;
  materials: string;
  care: string;
  source: 'human' | 'machine';
}

/** A product in full: the product page and the admin's editor. */
export interface ProductDetail extends ProductSummary {
  description: string;
  materials: string;
  care: string;
  /** The locale the texts shown are in (may differ from the one asked for). */
  textLocale: string;
  /** Every locale the seller wrote texts in. */
  texts: string[];
  /** Every locale's texts; present only on admin reads (`includeUnpublished`). */
  textsByLocale?: Partial<Record<string, ProductTextView>>;
  originCountry: string | null;
  options: OptionView[];
  variants: VariantView[];
  images: ImageView[];
  collections: { id: string; slug: string; title: string }[];
  publishedAt: Date | null;
  updatedAt: Date;
}

/** A page of products with an opaque cursor for the next one. */
export interface ProductPage<T = ProductSummary> {
  items: T[];
  nextCursor: string | null;
}

/** A product of a village listing: the summary plus the shop it belongs to. */
export type VillageProductSummary = ProductSummary & {
  shop: { id: string; slug: string; name: string; baseCurrency: string };
};

/** A variant with what a cart line and checkout need about its product. */
export interface VariantForCart extends VariantView {
  productId: string;
  baseCurrency: string;
  product: {
    id: string;
    slug: string;
    status: ProductStatus;
    title: string;
    titleLocale: string;
  };
  image: ImageView | null;
}

/** A collection with its texts resolved. */
export interface CollectionView {
  id: string;
  slug: string;
  position: number;
  title: string;
  titleLocale: string;
  description: string;
  /** Every title and description per locale (for the admin's editor). */
  titles: LocalizedText;
  descriptions: LocalizedText;
  /** Products in it that the reader may see (active ones for buyers). */
  productCount: number;
}
