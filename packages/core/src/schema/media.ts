import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, shopId, updatedAt } from './columns.js';
import { shops } from './tenancy.js';

export const MEDIA_STATUSES = ['processing', 'ready', 'failed'] as const;

/**
 * An uploaded photo. The original (metadata stripped, orientation applied) is
 * kept; derivatives are listed in `media_files`.
 */
export const mediaAssets = sqliteTable(
  'media_assets',
  {
    shopId: shopId(),
    id: id(),
    /** Storage key of the cleaned original. */
    originalKey: text('original_key').notNull(),
    /** Sniffed from the bytes, never from the file name. */
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** A tiny blurred placeholder as a data: URI, inlined in pages while the image loads. */
    placeholder: text('placeholder').notNull().default(''),
    status: text('status', { enum: MEDIA_STATUSES }).notNull().default('processing'),
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
