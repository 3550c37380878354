import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { slugFromTitles, withIdSuffix } from '../../catalog/slug.js';
import { updateProduct } from '../../catalog/update-product.js';
import { variantColumns } from '../../catalog/variant-writes.js';
import type { Db } from '../../db/database.js';
import { LOCALES } from '../../i18n/locales.js';
import { newId } from '../../ids.js';
import {
  productImages,
  productOptions,
  productOptionValues,
  products,
  productTexts,
  variantOptionValues,
  variants,
} from '../../schema/catalog.js';
import type { ShopContext } from '../../tenancy/context.js';
import type { DraftUpdate } from './plan-products.js';
import type { ProductDraft } from './product-groups.js';

/** Media ids of the photos ingested from the zip, by lower-cased file name. */
export type PhotoIds = ReadonlyMap<string, string>;

async function insertChunked<T extends SQLiteTable>(
  tx: Db,
  table: T,
  rows: T['$inferInsert'][],
  size = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size));
  }
}

/** Free slugs for new products: taken ones (in the shop or earlier in the batch) get the id's suffix. */
async function freeSlugs(tx: Db, shopId: string, wanted: { id: string; slug: string }[]) {
  const rows = await tx.all<{ slug: string }>(sql`
    select slug from products where shop_id = ${shopId}
      and slug in (select value from json_each(${JSON.stringify(wanted.map((w) => w.slug))}))`);
  const taken = new Set(rows.map((r) => r.slug));
  return wanted.map((w) => {
    const slug = taken.has(w.slug) ? withIdSuffix(w.slug, w.id) : w.slug;
    taken.add(slug);
    return slug;
  });
}

function imageRows(
  ctx: ShopContext,
  productId: string,
  photos: string[],
  ids: PhotoIds,
  now: Date,
) {
  return photos.flatMap((name, position) => {
    const mediaId = ids.get(name.toLowerCase());
    return mediaId
      ? [
          {
            shopId: ctx.shop.id,
            id: newId('image', now.getTime()),
            productId,
            mediaId,
            position,
            alt: {},
            createdAt: now,
          },
        ]
      : [];
  });
}

/**
 * Creates new products in bulk: a few multi-row INSERTs per table for the whole
 * batch instead of a dozen statements per product, so ten thousand rows import
 * in seconds. Writes exactly what `createProduct` would (validated by its
 * schema already): drafts with texts, options, variants, and their photos.
 */
export async function insertDrafts(
  tx: Db,
  ctx: ShopContext,
  drafts: ProductDraft[],
  photoIds: PhotoIds,
): Promise<{ products: number; variants: number; photos: number }> {
  if (drafts.length === 0) return { products: 0, variants: 0, photos: 0 };
  const now = ctx.clock.now();
  const ms = now.getTime();
  const shopId = ctx.shop.id;
  const order = [ctx.shop.defaultLocale, ...LOCALES.filter((l) => l !== ctx.shop.defaultLocale)];
  const made = drafts.map((d) => {
    const id = newId('product', ms);
    const titles = order.flatMap(
      (l) => d.input.texts[l as keyof typeof d.input.texts]?.title ?? [],
    );
    return { draft: d, id, slug: slugFromTitles(titles, id) };
  });
  const slugs = await freeSlugs(tx, shopId, made);
  const rows = {
    products: [] as (typeof products.$inferInsert)[],
    texts: [] as (typeof productTexts.$inferInsert)[],
    options: [] as (typeof productOptions.$inferInsert)[],
    values: [] as (typeof productOptionValues.$inferInsert)[],
    variants: [] as (typeof variants.$inferInsert)[],
    links: [] as (typeof variantOptionValues.$inferInsert)[],
    images: [] as (typeof productImages.$inferInsert)[],
  };
  made.forEach(({ draft, id }, i) => {
    const input = draft.input;
    rows.products.push({
      shopId,
      id,
      slug: slugs[i]!,
      status: 'draft',
      originCountry: input.originCountry ?? null,
      originPlace: input.originPlace,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    });
    for (const [locale, t] of Object.entries(input.texts)) {
      if (t) rows.texts.push({ shopId, productId: id, locale, ...t });
    }
    const valueIds = input.options.map((o, position) => {
      const optionId = newId('option', ms);
      rows.options.push({ shopId, id: optionId, productId: id, position, name: o.name });
      return o.values.map((label, p) => {
        const valueId = newId('optionValue', ms);
        rows.values.push({ shopId, id: valueId, optionId, position: p, label });
        return valueId;
      });
    });
    input.variants.forEach((v, position) => {
      const variantId = newId('variant', ms);
      rows.variants.push({
        shopId,
        id: variantId,
        productId: id,
        position,
        ...variantColumns(v, { priceMinor: v.priceMinor!, fixedPrices: {} }),
        createdAt: now,
        updatedAt: now,
      });
      v.optionValues.forEach((index, o) => {
        rows.links.push({ shopId, variantId, optionValueId: valueIds[o]![index]! });
      });
    });
    rows.images.push(...imageRows(ctx, id, draft.photos, photoIds, now));
  });
  await insertChunked(tx, products, rows.products);
  await insertChunked(tx, productTexts, rows.texts);
  await insertChunked(tx, productOptions, rows.options);
  await insertChunked(tx, productOptionValues, rows.values);
  await insertChunked(tx, variants, rows.variants);
  await insertChunked(tx, variantOptionValues, rows.links);
  await insertChunked(tx, productImages, rows.images);
  return { products: made.length, variants: rows.variants.length, photos: rows.images.length };
}

/**
 * Updates existing products through the catalog's own `updateProduct` (texts
 * upserted per language, variants matched by SKU, new ones added; price
 * changes audited), and adds photos to those that have none yet.
 */
export async function updateDrafts(
  tx: Db,
  ctx: ShopContext,
  updates: DraftUpdate[],
  photoIds: PhotoIds,
): Promise<{ products: number; photos: number }> {
  const now = ctx.clock.now();
  let photos = 0;
  for (const u of updates) {
    const input = u.draft.input;
    await updateProduct(ctx, u.productId, {
      texts: input.texts,
      ...(input.options.length > 0 ? { options: input.options } : {}),
      ...(input.originPlace ? { originPlace: input.originPlace } : {}),
      variants: input.variants,
    });
    if (u.needsPhotos) {
      const images = imageRows(ctx, u.productId, u.draft.photos, photoIds, now);
      if (images.length > 0) await tx.insert(productImages).values(images);
      photos += images.length;
    }
  }
  return { products: updates.length, photos };
}
