import { and, eq, inArray } from 'drizzle-orm';
import type { JobHandler } from '../jobs/run-jobs.js';
import { mediaAssets, mediaFiles } from '../schema/media.js';
import type { PlatformContext } from '../tenancy/context.js';
import { AvifJobPayload, mediaJobInput } from './media-job-payload.js';
import { mediaFileKey, widthLabel } from './media-keys.js';
import { decodeRaw, encodeWidth } from './render-derivatives.js';
import type { MediaStorage } from './storage.js';

/** Job type of the background AVIF encoding. */
export const AVIF_JOB = 'media.avif';

async function findAsset(ctx: PlatformContext, shopId: string, mediaId: string) {
  const [asset] = await ctx.db.read
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.shopId, shopId), eq(mediaAssets.id, mediaId)));
  if (!asset) return undefined;
  const files = await ctx.db.read
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.shopId, shopId), eq(mediaFiles.mediaId, mediaId)));
  return { asset, files };
}

/**
 * Deletes files this attempt wrote, except any a row points at: should two
 * workers ever run the same job (a lease that expired while its process was
 * suspended), identical encodes share keys, and the one that committed keeps them.
 */
async function deleteUnreferenced(
  ctx: PlatformContext,
  storage: MediaStorage,
  shopId: string,
  keys: string[],
) {
  if (keys.length === 0) return;
  const referenced = await ctx.db.read
    .select({ key: mediaFiles.key })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.shopId, shopId), inArray(mediaFiles.key, keys)));
  const keep = new Set(referenced.map((r) => r.key));
  await Promise.allSettled(keys.filter((k) => !keep.has(k)).map((k) => storage.delete(k)));
}

/**
 * The AVIF job: encodes the asset's cleaned original as AVIF at the same widths
 * as its WebP set, one width at a time (progress after each), writes the files,
 * then the rows, and marks the asset ready. Widths done by an earlier attempt
 * are skipped; an asset deleted meanwhile ends the job quietly, its new files
 * removed. On final failure the asset is marked `failed` (WebP keeps working).
 */
export function avifJobHandler(storage: MediaStorage): JobHandler {
  return {
    async run(job, { ctx, progress }) {
      const { shopId, payload } = mediaJobInput(job, AvifJobPayload);
      const found = await findAsset(ctx, shopId, payload.mediaId);
      if (!found) return;
      const done = new Set(found.files.filter((f) => f.format === 'avif').map((f) => f.width));
      const todo = found.files.filter((f) => f.format === 'webp' && !done.has(f.width));
      const written: string[] = [];
      try {
        const rows: (typeof mediaFiles.$inferInsert)[] = [];
        if (todo.length > 0) {
          const original = await storage.get(found.asset.originalKey);
          if (!original) throw new Error(`original ${found.asset.originalKey} is missing`);
          const pixels = found.asset.width * found.asset.height;
          const working = await decodeRaw(
            original,
            { limitInputPixels: pixels, failOn: 'error' },
            Math.max(...todo.map((f) => f.width)),
          );
          await progress(10);
          for (const [i, file] of todo.entries()) {
            const r = await encodeWidth(working, file.width, 'avif');
            const key = mediaFileKey(shopId, payload.mediaId, widthLabel(r.width), r);
            await storage.put(key, r.data);
            written.push(key);
            rows.push({
              shopId,
              mediaId: payload.mediaId,
              format: 'avif',
              width: r.width,
              height: r.height,
              key,
              bytes: r.data.byteLength,
            });
            await progress(10 + (85 * (i + 1)) / todo.length);
          }
        }
        const kept = await ctx.db.transaction(async (tx) => {
          const [asset] = await tx
            .select({ id: mediaAssets.id })
            .from(mediaAssets)
            .where(and(eq(mediaAssets.shopId, shopId), eq(mediaAssets.id, payload.mediaId)));
          if (!asset) return false;
          if (rows.length > 0) await tx.insert(mediaFiles).values(rows).onConflictDoNothing();
          await tx
            .update(mediaAssets)
            .set({ status: 'ready', updatedAt: ctx.clock.now() })
            .where(and(eq(mediaAssets.shopId, shopId), eq(mediaAssets.id, payload.mediaId)));
          return true;
        });
        if (!kept) await deleteUnreferenced(ctx, storage, shopId, written);
      } catch (err) {
        await deleteUnreferenced(ctx, storage, shopId, written);
        throw err;
      }
    },

    async onFailed(ctx, job) {
      const { shopId, payload } = mediaJobInput(job, AvifJobPayload);
      await ctx.db.transaction((tx) =>
        tx
          .update(mediaAssets)
          .set({ status: 'failed', updatedAt: ctx.clock.now() })
          .where(and(eq(mediaAssets.shopId, shopId), eq(mediaAssets.id, payload.mediaId))),
      );
    },
  };
}
