import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, shopId, updatedAt } from './columns.js';
import { shops } from './tenancy.js';

/**
 * `processing`: the WebP set and placeholder exist (the photo is usable), the
 * background job is still making AVIF; `ready`: every derivative exists;
 * `failed`: the background job gave up (WebP still works).
 */
export const MEDIA_STATUSES = ['processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/**
 * An uploaded photo. The original (metadata stripped, orientation applied) is
 * kept; derivatives are listed in `media_files`. Storage keys live under
 * `<shop id>/<media id>/`, so no two assets ever share a file.
 */
export const mediaAssets = sqliteTable(
  'media_assets',
  {
    shopId: shopId(),
    id: id(),
    /** Storage key of the cleaned original (JPEG, or PNG when the photo has transparency). */
    originalKey: text('original_key').notNull(),
    /** Type of the upload, sniffed from the bytes, never from the file name. */
    mime: text('mime').notNull(),
    /** Pixels after EXIF orientation was applied. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Size of the upload as received. */
    bytes: integer('bytes').notNull(),
    /** SHA-256 (hex) of the upload as received. */
    sha256: text('sha256').notNull(),
    /** A tiny blurred placeholder as a data: URI, inlined in pages while the image loads. */
    placeholder: text('placeholder').notNull().default(''),
    status: text('status', { enum: MEDIA_STATUSES }).notNull().default('processing'),
    /** The background job making the AVIF set (its progress is what the seller sees). */
    jobId: text('job_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    check('media_assets_size_ck', sql`${t.width} > 0 and ${t.height} > 0 and ${t.bytes} > 0`),
  ],
);

/** One derivative of an asset: a format at a width (WebP now, AVIF from the background job). */
export const mediaFiles = sqliteTable(
  'media_files',
  {
    shopId: shopId(),
    mediaId: text('media_id').notNull(),
    format: text('format', { enum: ['webp', 'avif', 'jpeg'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Content-addressed storage key, so URLs are fingerprinted and cache forever. */
    key: text('key').notNull(),
    bytes: integer('bytes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.mediaId, t.format, t.width] }),
    foreignKey({
      columns: [t.shopId, t.mediaId],
      foreignColumns: [mediaAssets.shopId, mediaAssets.id],
    }).onDelete('cascade'),
  ],
);

/** The pictures that brand a shop rather than show a product. */
export const SHOP_IMAGE_ROLES = ['logo', 'banner'] as const;
export type ShopImageRole = (typeof SHOP_IMAGE_ROLES)[number];

/**
 * A shop's logo and banner: at most one asset per role. Deleting the asset
 * removes the row, so the shop simply has no logo again.
 */
export const shopImages = sqliteTable(
  'shop_images',
  {
    shopId: shopId(),
    role: text('role', { enum: SHOP_IMAGE_ROLES }).notNull(),
    mediaId: text('media_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.role] }),
    foreignKey({
      columns: [t.shopId, t.mediaId],
      foreignColumns: [mediaAssets.shopId, mediaAssets.id],
    }).onDelete('cascade'),
    check('shop_images_role_ck', sql`${t.role} in ('logo', 'banner')`),
  ],
);
