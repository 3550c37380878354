import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { pickLocalized } from '../i18n/locales.js';
import { productImages } from '../schema/catalog.js';
import type { LocalizedText } from '../schema/columns.js';
import { mediaAssets } from '../schema/media.js';
import { cachedSelect } from './prepared.js';
import { inJsonPairs, jsonList, mediaFilesOf, qualified } from './sql-fragments.js';
import type { ImageFileView, ImageView } from './views.js';

const imageFields = {
  productId: productImages.productId,
  id: productImages.id,
  mediaId: productImages.mediaId,
  position: productImages.position,
  alt: productImages.alt,
  width: mediaAssets.width,
  height: mediaAssets.height,
  placeholder: mediaAssets.placeholder,
  files: mediaFilesOf(productImages.shopId, productImages.mediaId),
};

const joinAsset = and(
  eq(mediaAssets.shopId, productImages.shopId),
  eq(mediaAssets.id, productImages.mediaId),
);

/** The first photo of each listed product: one statement for a whole page. */
function firstImagesStatement(db: Db) {
  return cachedSelect(db, 'catalog.images.first', imageFields, (f) =>
    db
      .select(f)
      .from(productImages)
      .innerJoin(mediaAssets, joinAsset)
      .where(
        and(
          inJsonPairs(productImages.shopId, productImages.productId, 'shops', 'products'),
          eq(
            productImages.position,
            sql`(select min(p2.position) from product_images p2
              where p2.shop_id = ${qualified(productImages.shopId)} and p2.product_id = ${qualified(productImages.productId)})`,
          ),
        ),
      )
      .prepare(),
  );
}

/** Every photo of one product (or one photo by id), in order. */
function productImagesStatement(db: Db, by: 'product' | 'image') {
  return cachedSelect(db, `catalog.images.by-${by}`, imageFields, (f) =>
    db
      .select(f)
      .from(productImages)
      .innerJoin(mediaAssets, joinAsset)
      .where(
        and(
          eq(productImages.shopId, sql.placeholder('shopId')),
          by === 'product'
            ? eq(productImages.productId, sql.placeholder('productId'))
            : eq(productImages.id, sql.placeholder('imageId')),
        ),
      )
      .orderBy(asc(productImages.position), asc(productImages.id))
      .prepare(),
  );
}

type ImageRow = {
  productId: string;
  id: string;
  mediaId: string;
  position: number;
  alt: LocalizedText;
  width: number;
  height: number;
  placeholder: string;
  files: [string, number, number, string][];
};

const FORMAT_ORDER: Record<string, number> = { avif: 0, webp: 1, jpeg: 2 };

/** Resolves an image row's alt text and sorts its files (format, then width). */
export function toImageView(row: ImageRow, locale: string, shopDefault: string): ImageView {
  const alt = pickLocalized(row.alt, locale, shopDefault);
  const files: ImageFileView[] = row.files
    .map(([format, width, height, key]) => ({
      format: format as ImageFileView['format'],
      width,
      height,
      key,
    }))
    .sort(
      (a, b) => (FORMAT_ORDER[a.format] ?? 9) - (FORMAT_ORDER[b.format] ?? 9) || a.width - b.width,
    );
  return {
    id: row.id,
    mediaId: row.mediaId,
    position: row.position,
    alt: alt?.value ?? '',
    altLocale: alt?.locale ?? null,
    altTexts: row.alt,
    width: row.width,
    height: row.height,
    placeholder: row.placeholder,
    files,
  };
}

/** First photo rows of the given products, keyed by product id. */
export async function loadFirstImages(
  db: Db,
  shopIds: readonly string[],
  productIds: readonly string[],
): Promise<Map<string, ImageRow>> {
  const byProduct = new Map<string, ImageRow>();
  if (productIds.length === 0) return byProduct;
  const rows = await firstImagesStatement(db).all({
    shops: jsonList(shopIds),
    products: jsonList(productIds),
  });
  for (const row of rows) if (!byProduct.has(row.productId)) byProduct.set(row.productId, row);
  return byProduct;
}

/** Every photo of one product, in order. */
export async function loadProductImages(
  db: Db,
  shopId: string,
  productId: string,
): Promise<ImageRow[]> {
  return productImagesStatement(db, 'product').all({ shopId, productId });
}

/** One photo by id, or undefined (tenant-scoped). */
export async function loadImage(
  db: Db,
  shopId: string,
  imageId: string,
): Promise<ImageRow | undefined> {
  const [row] = await productImagesStatement(db, 'image').all({ shopId, imageId });
  return row;
}
