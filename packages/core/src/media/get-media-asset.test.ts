import { describe, expect, it } from 'vitest';
import { plainJpeg } from '../../test/fixtures/media/images.js';
import { mediaSetup } from '../../test/fixtures/media/setup.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import type { ShopContext } from '../tenancy/context.js';
import { findMediaAsset, getMediaAsset, getMediaViews } from './get-media-asset.js';
import { ingestImage } from './ingest-image.js';
import { mediaSrcset } from './media-view.js';
import { memoryStorage } from './memory-storage.js';
import type { MediaStorage } from './storage.js';

async function ingest(ctx: ShopContext, storage: MediaStorage, width = 700) {
  const r = await ingestImage(ctx, { bytes: await plainJpeg(width, 400), storage });
  if (!r.ok) throw new Error(r.message);
  return r.asset;
}

describe('reading media', () => {
  it('shop B cannot see shop A’s photo', async () => {
    const { shopA, shopB, storage } = await mediaSetup();
    const asset = await ingest(shopA, storage);
    expect((await getMediaAsset(shopA, asset.id)).id).toBe(asset.id);
    expect(await findMediaAsset(shopB, asset.id)).toBeUndefined();
    const err = await getMediaAsset(shopB, asset.id).catch((e: unknown) => e);
    expect(isAldeaError(err, 'NOT_FOUND')).toBe(true);
    expect((await getMediaViews(shopB, [asset.id])).size).toBe(0);
  });

  it('gets a gallery’s views in two statements, skipping unknown ids', async () => {
    const db = await makeTestDb({ countStatements: true });
    const shop = await makeShop(db);
    const storage = memoryStorage();
    const a = await ingest(shop, storage, 700);
    const b = await ingest(shop, storage, 400);
    const before = db.stats.statements;
    const views = await getMediaViews(shop, [b.id, a.id, 'med_nope', a.id]);
    expect(db.stats.statements - before).toBe(2);
    expect([...views.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(views.get(a.id)).toEqual(a);
    expect(await getMediaViews(shop, [])).toEqual(new Map());
  });

  it('builds srcset values per format', async () => {
    const { shopA, storage } = await mediaSetup();
    const asset = await ingest(shopA, storage, 700);
    const url = (key: string) => `/media/${key}`;
    const [w320, w640, w700] = asset.files;
    expect(mediaSrcset(asset, 'webp', url)).toBe(
      `/media/${w320!.key} 320w, /media/${w640!.key} 640w, /media/${w700!.key} 700w`,
    );
    expect(mediaSrcset(asset, 'avif', url)).toBe('');
  });
});
