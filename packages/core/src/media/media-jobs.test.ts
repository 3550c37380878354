import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { phonePhotoJpeg, plainJpeg } from '../../test/fixtures/media/images.js';
import { mediaSetup } from '../../test/fixtures/media/setup.js';
import { findShopJob } from '../jobs/find-jobs.js';
import type { ShopContext } from '../tenancy/context.js';
import { deleteMediaAsset } from './delete-media-asset.js';
import { getMediaAsset } from './get-media-asset.js';
import { ingestImage } from './ingest-image.js';
import { runMediaJobs } from './media-jobs.js';
import type { MediaStorage } from './storage.js';

async function ingest(ctx: ShopContext, storage: MediaStorage, bytes: Buffer) {
  const r = await ingestImage(ctx, { bytes, storage });
  if (!r.ok) throw new Error(r.message);
  return r.asset;
}

describe('the AVIF job', () => {
  it('makes AVIF at the WebP widths, without metadata, and marks the photo ready', async () => {
    const { shopA, storage, clock } = await mediaSetup();
    const asset = await ingest(shopA, storage, await phonePhotoJpeg({ width: 1000, height: 700 }));
    const summary = await runMediaJobs({ ...shopA, clock }, { storage });
    expect(summary).toMatchObject({ claimed: 1, done: 1 });
    const after = await getMediaAsset(shopA, asset.id);
    expect(after.status).toBe('ready');
    expect(after.job).toMatchObject({ status: 'done', progress: 100, attempts: 1 });
    const webp = after.files.filter((f) => f.format === 'webp').map((f) => [f.width, f.height]);
    const avif = after.files.filter((f) => f.format === 'avif');
    expect(avif.map((f) => [f.width, f.height])).toEqual(webp);
    expect(webp).toEqual([
      [320, 457],
      [640, 914],
      [700, 1000],
    ]);
    for (const f of avif) {
      const data = (await storage.get(f.key))!;
      const meta = await sharp(data).metadata();
      expect([meta.format, meta.compression, meta.width, meta.height]).toEqual([
        'heif',
        'av1',
        f.width,
        f.height,
      ]);
      expect(meta.exif ?? meta.xmp ?? meta.iptc ?? meta.icc).toBeUndefined();
      expect(f.key).toMatch(/\.avif$/);
    }
    expect((await runMediaJobs(shopA, { storage })).claimed).toBe(0);
  });

  it('shows its progress while it runs', async () => {
    const { shopA, storage } = await mediaSetup();
    const asset = await ingest(shopA, storage, await plainJpeg(800, 600));
    const jobId = (await getMediaAsset(shopA, asset.id)).job!.id;
    const seen: [string, number][] = [];
    const watching: MediaStorage = {
      ...storage,
      async put(key, data) {
        const job = (await findShopJob(shopA, jobId))!;
        seen.push([job.status, job.progress]);
        return storage.put(key, data);
      },
    };
    await runMediaJobs(shopA, { storage: watching });
    // Before each of the three AVIF writes: running, and further along each time.
    expect(seen.map(([s]) => s)).toEqual(['running', 'running', 'running']);
    const progress = seen.map(([, p]) => p);
    expect(progress[0]).toBeGreaterThan(0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress[2]).toBeLessThan(100);
  });

  it('retries after a failure with backoff, then succeeds', async () => {
    const { shopA, storage, clock } = await mediaSetup();
    const asset = await ingest(shopA, storage, await plainJpeg(700, 500));
    let reads = 0;
    const flaky: MediaStorage = {
      ...storage,
      async get(key) {
        if (++reads === 1) throw new Error('storage timeout');
        return storage.get(key);
      },
    };
    const ctx = { ...shopA, clock };
    expect(await runMediaJobs(ctx, { storage: flaky })).toMatchObject({ claimed: 1, retried: 1 });
    const waiting = await getMediaAsset(shopA, asset.id);
    expect(waiting.status).toBe('processing');
    expect(waiting.job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.files.every((f) => f.format === 'webp')).toBe(true);
    expect((await runMediaJobs(ctx, { storage: flaky })).claimed).toBe(0);
    clock.advance(30_000);
    expect(await runMediaJobs(ctx, { storage: flaky })).toMatchObject({ claimed: 1, done: 1 });
    const done = await getMediaAsset(shopA, asset.id);
    expect(done.status).toBe('ready');
    expect(done.job).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('after its last attempt marks the photo failed, keeping the WebP set and writing no AVIF', async () => {
    const { shopA, storage, clock, files } = await mediaSetup();
    const asset = await ingest(shopA, storage, await plainJpeg(330, 250));
    const before = files();
    let avifPuts = 0;
    const broken: MediaStorage = {
      ...storage,
      async put(key, data) {
        // The second AVIF write fails every time; the first must be cleaned up each time.
        if (key.endsWith('.avif') && ++avifPuts % 2 === 0) throw new Error('disk full');
        return storage.put(key, data);
      },
    };
    const ctx = { ...shopA, clock };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await runMediaJobs(ctx, { storage: broken });
      clock.advance(3_600_000);
    }
    const failed = await getMediaAsset(shopA, asset.id);
    expect(failed.status).toBe('failed');
    expect(failed.job).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.files.map((f) => f.format)).toEqual(['webp', 'webp']);
    expect(files()).toEqual(before);
  });

  it('ends quietly when the photo was deleted before it ran', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const asset = await ingest(shopA, storage, await plainJpeg(500, 400));
    await deleteMediaAsset(shopA, asset.id);
    const summary = await runMediaJobs(shopA, { storage });
    expect(summary).toMatchObject({ claimed: 2, done: 2, failed: 0, retried: 0 });
    expect(files()).toEqual([]);
  });
});
