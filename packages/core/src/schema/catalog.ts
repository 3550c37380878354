import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  amountMinor,
  createdAt,
  currency,
  flag,
  id,
  locale,
  localized,
  shopId,
  timestamp,
  updatedAt,
} from './columns.js';
import { mediaAssets } from './media.js';
import { shops } from './tenancy.js';

export const PRODUCT_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A thing a shop sells. Buyers see only `active` products of `live` shops. */
export const products = sqliteTable(
  'products',
  {
    shopId: shopId(),
    id: id(),
    slug: text('slug').notNull(),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('draft'),
    /** ISO 3166-1 alpha-2 where it was made. */
    originCountry: text('origin_country'),
    /** Free text place of origin ("Lin'an, Zhejiang"). */
    originPlace: text('origin_place').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    uniqueIndex('products_slug_uq').on(t.shopId, t.slug),
    // Keyset listing: newest first within a shop and status (storefront)…
    index('products_list_idx').on(t.shopId, t.status, t.createdAt, t.id),
    // …within a shop whatever the status (admin)…
    index('products_created_idx').on(t.shopId, t.createdAt, t.id),
    // …and across the shops of a village (explicit platform reads only).
    index('products_public_idx').on(t.status, t.createdAt, t.id),
    check('products_status_ck', sql`${t.status} in ('draft', 'active', 'paused', 'archived')`),
  ],
);

/**
 * Seller-written texts per locale. Fallback when reading: requested locale →
 * shop default locale → any.
 */
export const productTexts = sqliteTable(
  'product_texts',
  {
    shopId: shopId(),
    productId: text('product_id').notNull(),
    locale: locale(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    materials: text('materials').notNull().default(''),
    care: text('care').notNull().default(''),
    /** Who wrote it: the seller (`human`) or a machine translation to be checked. */
    source: text('source', { enum: ['human', 'machine'] })
      .notNull()
      .default('human'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.productId, t.locale] }),
    foreignKey({
      columns: [t.shopId, t.productId],
      foreignColumns: [products.shopId, products.id],
    }).onDelete('cascade'),
  ],
);

/** An option axis of a product ("Size", "Finish"), with localized names. */
export const productOptions = sqliteTable(
  'product_options',
  {
    shopId: shopId(),
    id: id(),
    productId: text('product_id').notNull(),
    position: integer('position').notNull(),
    name: localized('name'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.productId],
      foreignColumns: [products.shopId, products.id],
    }).onDelete('cascade'),
    uniqueIndex('product_options_position_uq').on(t.shopId, t.productId, t.position),
  ],
);

/** One value of an option ("25 cm", "Grande"), with localized labels. */
export const productOptionValues = sqliteTable(
  'product_option_values',
  {
    shopId: shopId(),
    id: id(),
    optionId: text('option_id').notNull(),
    position: integer('position').notNull(),
    label: localized('label'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.optionId],
      foreignColumns: [productOptions.shopId, productOptions.id],
    }).onDelete('cascade'),
    uniqueIndex('product_option_values_position_uq').on(t.shopId, t.optionId, t.position),
  ],
);

/**
 * What is actually bought: SKU, stock, weight, base price.
 *
 * Stock moves between three columns and their sum only changes when the seller
 * adjusts stock: `on_hand` (sellable now) → `reserved` (checkout placed, awaiting
 * payment) → `sold`. Made-to-order variants count against `on_hand` as the
 * seller's capacity rather than finished goods.
 */
export const variants = sqliteTable(
  'variants',
  {
    shopId: shopId(),
    id: id(),
    productId: text('product_id').notNull(),
    sku: text('sku').notNull(),
    position: integer('position').notNull().default(0),
    /** Base price in the shop's base currency, integer minor units. */
    priceMinor: amountMinor('price_minor'),
    stockOnHand: integer('stock_on_hand').notNull().default(0),
    stockReserved: integer('stock_reserved').notNull().default(0),
    stockSold: integer('stock_sold').notNull().default(0),
    weightGrams: integer('weight_grams').notNull().default(0),
    madeToOrder: flag('made_to_order'),
    processingDaysMin: integer('processing_days_min').notNull().default(0),
    processingDaysMax: integer('processing_days_max').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.productId],
      foreignColumns: [products.shopId, products.id],
    }).onDelete('cascade'),
    uniqueIndex('variants_sku_uq').on(t.shopId, t.sku),
    index('variants_product_idx').on(t.shopId, t.productId, t.position),
    check('variants_price_ck', sql`${t.priceMinor} >= 0`),
    check('variants_on_hand_ck', sql`${t.stockOnHand} >= 0`),
    check('variants_reserved_ck', sql`${t.stockReserved} >= 0`),
    check('variants_sold_ck', sql`${t.stockSold} >= 0`),
    check('variants_weight_ck', sql`${t.weightGrams} >= 0`),
    check(
      'variants_processing_ck',
      sql`${t.processingDaysMin} >= 0 and ${t.processingDaysMax} >= ${t.processingDaysMin}`,
    ),
  ],
);

/** Which option value a variant has, one row per option. */
export const variantOptionValues = sqliteTable(
  'variant_option_values',
  {
    shopId: shopId(),
    variantId: text('variant_id').notNull(),
    optionValueId: text('option_value_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.variantId, t.optionValueId] }),
    foreignKey({
      columns: [t.shopId, t.variantId],
      foreignColumns: [variants.shopId, variants.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.shopId, t.optionValueId],
      foreignColumns: [productOptionValues.shopId, productOptionValues.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A price the seller fixed for one buyer currency. It always wins over a
 * converted price.
 */
export const variantPrices = sqliteTable(
  'variant_prices',
  {
    shopId: shopId(),
    variantId: text('variant_id').notNull(),
    currency: currency(),
    amountMinor: amountMinor('amount_minor'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.variantId, t.currency] }),
    foreignKey({
      columns: [t.shopId, t.variantId],
      foreignColumns: [variants.shopId, variants.id],
    }).onDelete('cascade'),
    check('variant_prices_amount_ck', sql`${t.amountMinor} >= 0`),
  ],
);

/** A product photo, in order, pointing at a processed media asset. */
export const productImages = sqliteTable(
  'product_images',
  {
    shopId: shopId(),
    id: id(),
    productId: text('product_id').notNull(),
    mediaId: text('media_id').notNull(),
    position: integer('position').notNull(),
    alt: localized('alt'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.productId],
      foreignColumns: [products.shopId, products.id],
    }).onDelete('cascade'),
    // The photo must be this shop's; deleting the asset takes it off the product.
    foreignKey({
      columns: [t.shopId, t.mediaId],
      foreignColumns: [mediaAssets.shopId, mediaAssets.id],
    }).onDelete('cascade'),
    index('product_images_product_idx').on(t.shopId, t.productId, t.position),
  ],
);

/** A seller-curated group of products ("Gift boxes", "Large molcajetes"). */
export const collections = sqliteTable(
  'collections',
  {
    shopId: shopId(),
    id: id(),
    slug: text('slug').notNull(),
    position: integer('position').notNull().default(0),
    title: localized('title'),
    description: localized('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    uniqueIndex('collections_slug_uq').on(t.shopId, t.slug),
  ],
);

export const collectionProducts = sqliteTable(
  'collection_products',
  {
    shopId: shopId(),
    collectionId: text('collection_id').notNull(),
    productId: text('product_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.collectionId, t.productId] }),
    foreignKey({
      columns: [t.shopId, t.collectionId],
      foreignColumns: [collections.shopId, collections.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.shopId, t.productId],
      foreignColumns: [products.shopId, products.id],
    }).onDelete('cascade'),
    index('collection_products_product_idx').on(t.shopId, t.productId),
  ],
);
