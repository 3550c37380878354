import { and, eq } from 'drizzle-orm';
import { notFound } from '../errors.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import { mediaAssets, mediaFiles } from '../schema/media.js';
import type { ShopContext } from '../tenancy/context.js';
import { PURGE_JOB } from './purge-job.js';

/**
 * Deletes one of this shop's photos: its rows go at once (it disappears from
 * every page), and a purge job queued in the same transaction deletes its files
 * from storage when the media jobs next run. So a delete that is rolled back
 * (inside a larger command that failed) never loses files. NOT_FOUND for
 * another shop's photo. Product images pointing at it are the catalog's to
 * remove (in the same transaction).
 */
export async function deleteMediaAsset(ctx: ShopContext, id: string): Promise<void> {
  const shopId = ctx.shop.id;
  await ctx.db.transaction(async (tx) => {
    const [asset] = await tx
      .select({ originalKey: mediaAssets.originalKey })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.shopId, shopId), eq(mediaAssets.id, id)));
    if (!asset) throw notFound('media');
    const files = await tx
      .select({ key: mediaFiles.key })
      .from(mediaFiles)
      .where(and(eq(mediaFiles.shopId, shopId), eq(mediaFiles.mediaId, id)));
    await tx.delete(mediaAssets).where(and(eq(mediaAssets.shopId, shopId), eq(mediaAssets.id, id)));
    await enqueueJob(ctx, {
      type: PURGE_JOB,
      shopId,
      payload: { keys: [asset.originalKey, ...files.map((f) => f.key)] },
    });
  });
}
