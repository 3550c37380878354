import { and, asc, eq, sql } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { pickLocalized } from '../i18n/locales.js';
import { collectionProducts, collections, productOptions, products } from '../schema/catalog.js';
import type { LocalizedText } from '../schema/columns.js';
import type { ShopContext } from '../tenancy/context.js';
import { loadProductImages, toImageView } from './image-rows.js';
import { cachedSelect } from './prepared.js';
import { parseJson, qualified } from './sql-fragments.js';
import { variantFacts } from './summaries.js';
import { loadProductVariants, toVariantView } from './variant-rows.js';
import type { OptionView, ProductDetail, ProductTextView } from './views.js';

/** Options of the catalog's reads. */
export interface ReadOptions {
  /** Also drafts, paused and archived products (admin). Requires `shop.read`. */
  includeUnpublished?: boolean;
}

type TextCell = [locale: string, ...rest: [string, string, string, string, 'human' | 'machine']];

function productStatement(db: Db, by: 'id' | 'slug', publicOnly: boolean) {
  return cachedSelect(
    db,
    `catalog.product.by-${by}.${publicOnly ? 'public' : 'all'}`,
    {
      id: products.id,
      shopId: products.shopId,
      slug: products.slug,
      status: products.status,
      originCountry: products.originCountry,
      originPlace: products.originPlace,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
      publishedAt: products.publishedAt,
      texts: sql<
        TextCell[]
      >`(select json_group_array(json_array(t.locale, t.title, t.description, t.materials, t.care, t.source))
          from product_texts t where t.shop_id = ${qualified(products.shopId)} and t.product_id = ${qualified(products.id)})`.mapWith(
        parseJson<TextCell[]>,
      ),
    },
    (f) =>
      db
        .select(f)
        .from(products)
        .where(
          and(
            eq(products.shopId, sql.placeholder('shopId')),
            eq(by === 'id' ? products.id : products.slug, sql.placeholder('key')),
            publicOnly ? eq(products.status, 'active') : undefined,
          ),
        )
        .prepare(),
  );
}

type ValueCell = [id: string, position: number, label: LocalizedText];

function optionsStatement(db: Db) {
  return cachedSelect(
    db,
    'catalog.product.options',
    {
      id: productOptions.id,
      name: productOptions.name,
      values: sql<ValueCell[]>`(select json_group_array(json_array(v.id, v.position, json(v.label)))
          from product_option_values v
          where v.shop_id = ${qualified(productOptions.shopId)} and v.option_id = ${qualified(productOptions.id)})`.mapWith(
        parseJson<ValueCell[]>,
      ),
    },
    (f) =>
      db
        .select(f)
        .from(productOptions)
        .where(
          and(
            eq(productOptions.shopId, sql.placeholder('shopId')),
            eq(productOptions.productId, sql.placeholder('productId')),
          ),
        )
        .orderBy(asc(productOptions.position))
        .prepare(),
  );
}

function collectionsStatement(db: Db) {
  return cachedSelect(
    db,
    'catalog.product.collections',
    { id: collections.id, slug: collections.slug, title: collections.title },
    (f) =>
      db
        .select(f)
        .from(collectionProducts)
        .innerJoin(
          collections,
          and(
            eq(collections.shopId, collectionProducts.shopId),
            eq(collections.id, collectionProducts.collectionId),
          ),
        )
        .where(
          and(
            eq(collectionProducts.shopId, sql.placeholder('shopId')),
            eq(collectionProducts.productId, sql.placeholder('productId')),
          ),
        )
        .orderBy(asc(collections.position), asc(collections.slug))
        .prepare(),
  );
}

/**
 * Loads a product in full with five statements (product and texts, options,
 * variants, photos, collections), or undefined. Tenant-scoped by `ctx.shop`.
 * Used by the reads below and by commands to return what they wrote (pass
 * their `tx` as `db`).
 */
export async function loadProductDetail(
  db: Db,
  ctx: ShopContext,
  by: { id: string } | { slug: string },
  opts: ReadOptions = {},
): Promise<ProductDetail | undefined> {
  const all = opts.includeUnpublished === true;
  if (all) authorize(ctx, 'shop.read');
  const shopId = ctx.shop.id;
  const key = 'id' in by ? by.id : by.slug;
  const [p] = await productStatement(db, 'id' in by ? 'id' : 'slug', !all).all({ shopId, key });
  if (!p) return undefined;
  const params = { shopId, productId: p.id };
  const optionRows = await optionsStatement(db).all(params);
  const variantRows = await loadProductVariants(db, shopId, p.id);
  const imageRows = await loadProductImages(db, shopId, p.id);
  const collectionRows = await collectionsStatement(db).all(params);

  const { locale } = ctx;
  const shopDefault = ctx.shop.defaultLocale;
  const texts = new Map<string, ProductTextView>(
    [...p.texts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([l, title, description, materials, care, source]) => [
        l,
        { title, description, materials, care, source },
      ]),
  );
  const picked = pickLocalized(texts, locale, shopDefault);
  const text = picked?.value;
  const vs = variantRows.map((v) => toVariantView(v, locale, shopDefault));
  const images = imageRows.map((i) => toImageView(i, locale, shopDefault));
  const options: OptionView[] = optionRows.map((o) => ({
    id: o.id,
    name: pickLocalized(o.name, locale, shopDefault)?.value ?? '',
    names: o.name,
    values: [...o.values]
      .sort((a, b) => a[1] - b[1])
      .map(([id, , labels]) => ({
        id,
        label: pickLocalized(labels, locale, shopDefault)?.value ?? '',
        labels,
      })),
  }));
  return {
    id: p.id,
    shopId: p.shopId,
    slug: p.slug,
    status: p.status,
    title: text?.title ?? '',
    titleLocale: picked?.locale ?? shopDefault,
    description: text?.description ?? '',
    materials: text?.materials ?? '',
    care: text?.care ?? '',
    textLocale: picked?.locale ?? shopDefault,
    texts: [...texts.keys()],
    ...(all ? { textsByLocale: Object.fromEntries(texts) } : {}),
    originCountry: p.originCountry,
    originPlace: p.originPlace,
    baseCurrency: ctx.shop.baseCurrency,
    image: images[0] ?? null,
    images,
    options,
    variants: vs,
    ...variantFacts(vs),
    collections: collectionRows.map((c) => ({
      id: c.id,
      slug: c.slug,
      title: pickLocalized(c.title, locale, shopDefault)?.value ?? c.slug,
    })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
  };
}

/**
 * A product by id. Buyers see only active products; another shop's id, a draft
 * for a buyer, or an unknown id all throw NOT_FOUND.
 */
export async function getProduct(
  ctx: ShopContext,
  id: string,
  opts: ReadOptions = {},
): Promise<ProductDetail> {
  const p = await loadProductDetail(ctx.db.read, ctx, { id }, opts);
  if (!p) throw notFound('product');
  return p;
}

/** A product by id, or undefined (same visibility rules as {@link getProduct}). */
export function findProduct(
  ctx: ShopContext,
  id: string,
  opts: ReadOptions = {},
): Promise<ProductDetail | undefined> {
  return loadProductDetail(ctx.db.read, ctx, { id }, opts);
}

/** A product by its slug in the context's shop; throws NOT_FOUND. */
export async function getProductBySlug(
  ctx: ShopContext,
  slug: string,
  opts: ReadOptions = {},
): Promise<ProductDetail> {
  const p = await loadProductDetail(ctx.db.read, ctx, { slug }, opts);
  if (!p) throw notFound('product');
  return p;
}

/** A product by its slug in the context's shop, or undefined. */
export function findProductBySlug(
  ctx: ShopContext,
  slug: string,
  opts: ReadOptions = {},
): Promise<ProductDetail | undefined> {
  return loadProductDetail(ctx.db.read, ctx, { slug }, opts);
}
