import { describe, expect, it } from 'vitest';
import { plainJpeg } from '../../test/fixtures/media/images.js';
import { mediaRows, mediaSetup } from '../../test/fixtures/media/setup.js';
import { isAldeaError } from '../errors.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import { findShopJob, listShopJobs } from '../jobs/find-jobs.js';
import type { ShopContext } from '../tenancy/context.js';
import { deleteMediaAsset } from './delete-media-asset.js';
import { findMediaAsset } from './get-media-asset.js';
import { ingestImage } from './ingest-image.js';
import { runMediaJobs } from './media-jobs.js';
import { PURGE_JOB } from './purge-job.js';
import type { MediaStorage } from './storage.js';

async function ingest(ctx: ShopContext, storage: MediaStorage) {
  const r = await ingestImage(ctx, { bytes: await plainJpeg(500, 400), storage });
  if (!r.ok) throw new Error(r.message);
  return r.asset;
}

describe('deleteMediaAsset', () => {
  it('removes the rows at once and the files when the media jobs run', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const asset = await ingest(shopA, storage);
    await runMediaJobs(shopA, { storage }); // AVIF done: files of both formats exist
    expect(files().some((k) => k.endsWith('.avif'))).toBe(true);
    await deleteMediaAsset(shopA, asset.id);
    expect(await findMediaAsset(shopA, asset.id)).toBeUndefined();
    expect((await mediaRows(shopA)).files).toBe(0);
    expect(files().length).toBeGreaterThan(0);
    expect(await runMediaJobs(shopA, { storage })).toMatchObject({ claimed: 1, done: 1 });
    expect(files()).toEqual([]);
  });

  it('shop B cannot delete shop A’s photo: NOT_FOUND, and it stays', async () => {
    const { shopA, shopB, storage, files } = await mediaSetup();
    const asset = await ingest(shopA, storage);
    const stored = files();
    const err = await deleteMediaAsset(shopB, asset.id).catch((e: unknown) => e);
    expect(isAldeaError(err, 'NOT_FOUND')).toBe(true);
    expect(await findMediaAsset(shopA, asset.id)).toBeDefined();
    expect(await listShopJobs(shopA, { type: PURGE_JOB })).toEqual([]);
    expect(await listShopJobs(shopB)).toEqual([]);
    expect(files()).toEqual(stored);
  });

  it('rolled back inside a larger command that failed: rows and files both stay', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const asset = await ingest(shopA, storage);
    const stored = files();
    const err = await shopA.db
      .transaction(async () => {
        await deleteMediaAsset(shopA, asset.id);
        throw new Error('the product update failed later');
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('the product update failed later');
    expect(await findMediaAsset(shopA, asset.id)).toBeDefined();
    expect(await mediaRows(shopA)).toMatchObject({ assets: 1, jobs: 1 });
    expect(await listShopJobs(shopA, { type: PURGE_JOB })).toEqual([]);
    expect(files()).toEqual(stored);
  });

  it('a purge job only ever deletes files of its own shop', async () => {
    const { shopA, shopB, storage, files } = await mediaSetup();
    const asset = await ingest(shopA, storage);
    const stored = files();
    const purge = await enqueueJob(shopB, {
      type: PURGE_JOB,
      shopId: shopB.shop.id,
      payload: { keys: stored },
    });
    await runMediaJobs(shopB, { storage }); // the purge, and shop A's AVIF job
    expect((await findShopJob(shopB, purge.id))?.status).toBe('done');
    expect(files()).toEqual(expect.arrayContaining(stored));
    expect(await findMediaAsset(shopA, asset.id)).toBeDefined();
  });
});
