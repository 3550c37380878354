import { and, asc, eq, sql } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { pickLocalized } from '../i18n/locales.js';
import { collections } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import type { ReadOptions } from './get-product.js';
import { cachedSelect } from './prepared.js';
import { qualified } from './sql-fragments.js';
import type { CollectionView } from './views.js';

function collectionsStatement(db: Db, by: 'shop' | 'slug' | 'id', publicOnly: boolean) {
  return cachedSelect(
    db,
    `catalog.collections.by-${by}.${publicOnly ? 'public' : 'all'}`,
    {
      id: collections.id,
      slug: collections.slug,
      position: collections.position,
      title: collections.title,
      description: collections.description,
      productCount: sql<number>`(select count(*) from collection_products cp
          join products p on p.shop_id = cp.shop_id and p.id = cp.product_id
          where cp.shop_id = ${qualified(collections.shopId)} and cp.collection_id = ${qualified(collections.id)}
          ${publicOnly ? sql`and p.status = 'active'` : sql``})`.mapWith(Number),
    },
    (f) =>
      db
        .select(f)
        .from(collections)
        .where(
          and(
            eq(collections.shopId, sql.placeholder('shopId')),
            by === 'slug' ? eq(collections.slug, sql.placeholder('key')) : undefined,
            by === 'id' ? eq(collections.id, sql.placeholder('key')) : undefined,
          ),
        )
        .orderBy(asc(collections.position), asc(collections.slug))
        .prepare(),
  );
}

type Row = Awaited<ReturnType<ReturnType<typeof collectionsStatement>['all']>>[number];

function toView(ctx: ShopContext, r: Row): CollectionView {
  const title = pickLocalized(r.title, ctx.locale, ctx.shop.defaultLocale);
  const description = pickLocalized(r.description, ctx.locale, ctx.shop.defaultLocale);
  return {
    id: r.id,
    slug: r.slug,
    position: r.position,
    title: title?.value ?? r.slug,
    titleLocale: title?.locale ?? ctx.shop.defaultLocale,
    description: description?.value ?? '',
    titles: r.title,
    descriptions: r.description,
    productCount: r.productCount,
  };
}

/**
 * Loads collections of the context's shop (all, or one by slug or id). Buyers'
 * counts include only active products; `includeUnpublished` needs `shop.read`.
 */
export async function loadCollections(
  db: Db,
  ctx: ShopContext,
  by: { slug: string } | { id: string } | 'all',
  opts: ReadOptions = {},
): Promise<CollectionView[]> {
  const all = opts.includeUnpublished === true;
  if (all) authorize(ctx, 'shop.read');
  const kind = by === 'all' ? 'shop' : 'slug' in by ? 'slug' : 'id';
  const key = by === 'all' ? '' : 'slug' in by ? by.slug : by.id;
  const rows = await collectionsStatement(db, kind, !all).all({ shopId: ctx.shop.id, key });
  return rows.map((r) => toView(ctx, r));
}

/** The shop's collections in the seller's order, with product counts. One statement. */
export function listCollections(
  ctx: ShopContext,
  opts: ReadOptions = {},
): Promise<CollectionView[]> {
  return loadCollections(ctx.db.read, ctx, 'all', opts);
}

/**
 * A collection by slug; list its products with `listProducts(ctx, { collectionId })`.
 * @throws AldeaError NOT_FOUND
 */
export async function getCollectionBySlug(
  ctx: ShopContext,
  slug: string,
  opts: ReadOptions = {},
): Promise<{ collection: CollectionView }> {
  const [collection] = await loadCollections(ctx.db.read, ctx, { slug }, opts);
  if (!collection) throw notFound('collection');
  return { collection };
}
