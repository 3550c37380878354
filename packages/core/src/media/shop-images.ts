import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { cached } from '../catalog/prepared.js';
import { inJsonList, jsonList } from '../catalog/sql-fragments.js';
import type { Db } from '../db/database.js';
import { memoUntilWrite } from '../db/memo-until-write.js';
import { mediaAssets, mediaFiles, SHOP_IMAGE_ROLES, shopImages } from '../schema/media.js';
import { shops } from '../schema/tenancy.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { deleteMediaAsset } from './delete-media-asset.js';
import { type IngestImageInput, ingestImage } from './ingest-image.js';
import type { IngestRefused } from './ingest-refusals.js';
import { type MediaView, toMediaView } from './media-view.js';

/** Which branding picture: the small `logo` of the shop header, or the wide `banner` of its home. */
export const ShopImageRole = z.enum(SHOP_IMAGE_ROLES);
export type ShopImageRole = z.output<typeof ShopImageRole>;

/** Input of {@link setShopImage}: the role, and the upload as {@link ingestImage} takes it. */
export type SetShopImageInput = { role: ShopImageRole } & IngestImageInput;

/** The stored logo or banner, or why the upload was refused (nothing changed then). */
export type SetShopImageResult =
  | { ok: true; role: ShopImageRole; image: MediaView }
  | IngestRefused;

/** A shop's branding pictures as pages render them; `null` when the shop has none. */
export interface ShopImages {
  logo: MediaView | null;
  banner: MediaView | null;
}

const RoleOnly = z.object({ role: ShopImageRole });
type FileRow = typeof mediaFiles.$inferSelect;

/** Bumps the shop's `updated_at` and writes the audit entry, inside the caller's transaction. */
async function recordChange(
  tx: Db,
  ctx: ShopContext,
  action: string,
  data: Record<string, unknown>,
) {
  await tx.update(shops).set({ updatedAt: ctx.clock.now() }).where(eq(shops.id, ctx.shop.id));
  await recordAudit(tx, ctx, { action, entity: 'shop', entityId: ctx.shop.id, data });
}

async function currentMediaId(tx: Db, shopId: string, role: ShopImageRole) {
  const [row] = await tx
    .select({ mediaId: shopImages.mediaId })
    .from(shopImages)
    .where(and(eq(shopImages.shopId, shopId), eq(shopImages.role, role)));
  return row?.mediaId;
}

/**
 * Sets the shop's logo or banner from an upload. The upload goes through the
 * photo pipeline ({@link ingestImage}: type sniffed from the bytes, size and
 * pixel limits, EXIF orientation applied, metadata stripped, WebP now and AVIF
 * in a background job); a refused upload is returned and changes nothing. The
 * previous picture of that role is deleted in the same transaction that puts
 * the new one in place (its files are purged by the media jobs). Needs
 * `settings.write` (owner, trainer, operator; not staff), checked before any
 * work; every change is audited.
 *
 * Call it outside a transaction: it does seconds of CPU work.
 *
 * @example
 * const r = await setShopImage(ctx, { role: 'logo', bytes, filename: 'logo.png', storage });
 * if (!r.ok) return showError(r.reason, r.params);
 */
export async function setShopImage(
  ctx: ShopContext,
  raw: SetShopImageInput,
): Promise<SetShopImageResult> {
  authorize(ctx, 'settings.write');
  const { role } = parseInput(RoleOnly, { role: raw.role });
  const { role: _role, ...upload } = raw;
  const ingested = await ingestImage(ctx, upload);
  if (!ingested.ok) return ingested;
  const mediaId = ingested.asset.id;
  const shopId = ctx.shop.id;
  try {
    await ctx.db.transaction(async (tx) => {
      const previous = await currentMediaId(tx, shopId, role);
      // Deleting the old asset cascades to its shop_images row; its files go in a purge job.
      if (previous) await deleteMediaAsset(ctx, previous);
      await tx.insert(shopImages).values({ shopId, role, mediaId, createdAt: ctx.clock.now() });
      await recordChange(tx, ctx, 'shop.image.set', { role, mediaId, replaced: previous ?? null });
    });
    return { ok: true, role, image: ingested.asset };
  } catch (err) {
    // Nothing half-stored: the new asset goes when it could not become the shop's picture.
    await deleteMediaAsset(ctx, mediaId).catch(() => undefined);
    throw err;
  }
}

/**
 * Removes the shop's logo or banner: the picture is deleted (its files are
 * purged by the media jobs) and pages show none again. Returns false when the
 * shop had none. Same permission and audit as {@link setShopImage}.
 */
export async function removeShopImage(ctx: ShopContext, role: ShopImageRole): Promise<boolean> {
  authorize(ctx, 'settings.write');
  const input = parseInput(RoleOnly, { role });
  return ctx.db.transaction(async (tx) => {
    const previous = await currentMediaId(tx, ctx.shop.id, input.role);
    if (!previous) return false;
    await deleteMediaAsset(ctx, previous);
    await recordChange(tx, ctx, 'shop.image.remove', { role: input.role, mediaId: previous });
    return true;
  });
}

/**
 * Loads branding pictures of the given shops with their files in one
 * statement (a join), whatever the number of shops.
 */
async function loadShopImages(
  ctx: PlatformContext,
  shopIds: readonly string[],
  roles: readonly ShopImageRole[],
): Promise<{ shopId: string; role: ShopImageRole; view: MediaView }[]> {
  if (shopIds.length === 0) return [];
  const db = ctx.db.read;
  // Prepared once (the lists are JSON parameters): every shop page asks.
  const rows = await cached(db, 'media.shop-images', () =>
    db
      .select({ role: shopImages.role, asset: mediaAssets, file: mediaFiles })
      .from(shopImages)
      .innerJoin(
        mediaAssets,
        and(eq(mediaAssets.shopId, shopImages.shopId), eq(mediaAssets.id, shopImages.mediaId)),
      )
      .leftJoin(
        mediaFiles,
        and(eq(mediaFiles.shopId, mediaAssets.shopId), eq(mediaFiles.mediaId, mediaAssets.id)),
      )
      .where(and(inJsonList(shopImages.shopId, 'shops'), inJsonList(shopImages.role, 'roles')))
      .prepare(),
  ).all({ shops: jsonList(shopIds), roles: jsonList(roles) });
  const byAsset = new Map<string, { row: (typeof rows)[number]; files: FileRow[] }>();
  for (const row of rows) {
    const key = `${row.asset.shopId}/${row.asset.id}`;
    const entry = byAsset.get(key) ?? { row, files: [] };
    if (row.file) entry.files.push(row.file);
    byAsset.set(key, entry);
  }
  return [...byAsset.values()].map(({ row, files }) => ({
    shopId: row.asset.shopId,
    role: row.role,
    view: toMediaView(row.asset, files),
  }));
}

/**
 * The shop's logo and banner for rendering (the same view as product photos:
 * size, placeholder, WebP and — once the job ran — AVIF files). Public: pages
 * of the shop show them to anyone. One statement.
 */
export async function getShopImages(ctx: ShopContext): Promise<ShopImages> {
  // Every shop page asks; between two commits the answer cannot change.
  const found = await memoUntilWrite(ctx.db, `shop-images:${ctx.shop.id}`, () =>
    loadShopImages(ctx, [ctx.shop.id], SHOP_IMAGE_ROLES),
  );
  return {
    logo: found.find((f) => f.role === 'logo')?.view ?? null,
    banner: found.find((f) => f.role === 'banner')?.view ?? null,
  };
}

/**
 * The logos of several shops, by shop id (a village page's shop cards). Shops
 * without a logo are absent. A platform read of public pictures: one
 * statement whatever the number of shops.
 */
export async function listShopLogos(
  ctx: PlatformContext,
  shopIds: readonly string[],
): Promise<Map<string, MediaView>> {
  const found = await loadShopImages(ctx, [...new Set(shopIds)], ['logo']);
  return new Map(found.map((f) => [f.shopId, f.view]));
}
