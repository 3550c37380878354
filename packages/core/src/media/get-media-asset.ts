import { and, eq, inArray } from 'drizzle-orm';
import { notFound } from '../errors.js';
import { mediaAssets, mediaFiles } from '../schema/media.js';
import { jobs } from '../schema/platform.js';
import type { ShopContext } from '../tenancy/context.js';
import { type MediaAsset, type MediaView, toMediaView } from './media-view.js';

/** One of this shop's photos with its files and processing state, or undefined. */
export async function findMediaAsset(
  ctx: ShopContext,
  id: string,
): Promise<MediaAsset | undefined> {
  const db = ctx.db.read;
  const [asset] = await db
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.shopId, ctx.shop.id), eq(mediaAssets.id, id)));
  if (!asset) return undefined;
  const files = await db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.shopId, ctx.shop.id), eq(mediaFiles.mediaId, id)));
  const [job] = asset.jobId
    ? await db
        .select({
          id: jobs.id,
          status: jobs.status,
          progress: jobs.progress,
          attempts: jobs.attempts,
        })
        .from(jobs)
        .where(and(eq(jobs.shopId, ctx.shop.id), eq(jobs.id, asset.jobId)))
    : [];
  return {
    ...toMediaView(asset, files),
    status: asset.status,
    mime: asset.mime,
    bytes: asset.bytes,
    sha256: asset.sha256,
    originalKey: asset.originalKey,
    job: job ?? null,
    createdAt: asset.createdAt,
  };
}

/** One of this shop's photos; NOT_FOUND when missing or another shop's. */
export async function getMediaAsset(ctx: ShopContext, id: string): Promise<MediaAsset> {
  const asset = await findMediaAsset(ctx, id);
  if (!asset) throw notFound('media');
  return asset;
}

/**
 * Views of several of this shop's photos in two statements (a product page's
 * gallery), by id. Ids that are missing or another shop's are simply absent.
 */
export async function getMediaViews(
  ctx: ShopContext,
  ids: readonly string[],
): Promise<Map<string, MediaView>> {
  const out = new Map<string, MediaView>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const db = ctx.db.read;
  const assets = await db
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.shopId, ctx.shop.id), inArray(mediaAssets.id, unique)));
  if (assets.length === 0) return out;
  const files = await db
    .select()
    .from(mediaFiles)
    .where(
      and(
        eq(mediaFiles.shopId, ctx.shop.id),
        inArray(
          mediaFiles.mediaId,
          assets.map((a) => a.id),
        ),
      ),
    );
  for (const a of assets) {
    out.set(
      a.id,
      toMediaView(
        a,
        files.filter((f) => f.mediaId === a.id),
      ),
    );
  }
  return out;
}
