import { describe, expect, it } from 'vitest';
import { plainJpeg } from '../../test/fixtures/media/images.js';
import { mediaRows, mediaSetup } from '../../test/fixtures/media/setup.js';
import { ingestImage } from './ingest-image.js';
import type { MediaStorage } from './storage.js';

/** Wraps a storage so that its `n`th put fails (after the others have started). */
function failingOnPut(storage: MediaStorage, n: number): MediaStorage {
  let puts = 0;
  return {
    ...storage,
    async put(key, data) {
      if (++puts === n) throw new Error('disk full');
      return storage.put(key, data);
    },
  };
}

describe('ingestImage failing halfway stores nothing', () => {
  it('a storage write fails: the files already written are deleted, no rows, no job', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const bytes = await plainJpeg(900, 600);
    const err = await ingestImage(shopA, { bytes, storage: failingOnPut(storage, 3) }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toBe('disk full');
    expect(files()).toEqual([]);
    expect(await mediaRows(shopA)).toEqual({ assets: 0, files: 0, jobs: 0 });
  });

  it('the database refuses the rows: the files are deleted and the job rolled back', async () => {
    const { shopA, storage, files } = await mediaSetup();
    // A shop that no longer exists: the asset row's foreign key fails after the job was queued.
    const gone = { ...shopA, shop: { ...shopA.shop, id: 'shop_deleted' } };
    const err = await ingestImage(gone, { bytes: await plainJpeg(500, 400), storage }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(files()).toEqual([]);
    expect(await mediaRows(gone)).toEqual({ assets: 0, files: 0, jobs: 0 });
  });

  it('works again right after a failure', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const bytes = await plainJpeg(500, 400);
    await ingestImage(shopA, { bytes, storage: failingOnPut(storage, 1) }).catch(() => undefined);
    const r = await ingestImage(shopA, { bytes, storage });
    expect(r.ok).toBe(true);
    expect(files()).toHaveLength(3);
    expect(await mediaRows(shopA)).toEqual({ assets: 1, files: 2, jobs: 1 });
  });
});
