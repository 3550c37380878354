import { describe, expect, it } from 'vitest';
import { plainJpeg } from '../../test/fixtures/media/images.js';
import { mediaSetup } from '../../test/fixtures/media/setup.js';
import { getMediaAsset } from './get-media-asset.js';
import { ingestImage } from './ingest-image.js';
import { MEDIA_CACHE_CONTROL, mediaFileForKey } from './serve-media-file.js';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('mediaFileForKey', () => {
  it('serves a stored derivative and the original as streams, cacheable forever', async () => {
    const { shopA, storage } = await mediaSetup();
    const r = await ingestImage(shopA, { bytes: await plainJpeg(500, 400), storage });
    if (!r.ok) throw new Error(r.message);
    const asset = await getMediaAsset(shopA, r.asset.id);
    const webp = asset.files[0]!;
    const file = (await mediaFileForKey(storage, webp.key))!;
    expect(file).toMatchObject({
      contentType: 'image/webp',
      bytes: webp.bytes,
      cacheControl: MEDIA_CACHE_CONTROL,
    });
    expect(file.etag).toMatch(/^"w320-[0-9a-f]{20}"$/);
    expect(await readAll((await file.open())!)).toEqual(await storage.get(webp.key));
    const original = (await mediaFileForKey(storage, asset.originalKey))!;
    expect(original.contentType).toBe('image/jpeg');
  });

  it.each([
    ['a path escaping the root', '../../etc/passwd.jpg'],
    ['an unknown type', 'shop_a/med_b/w320-abc.html'],
    ['a missing file', 'shop_a/med_b/w320-abc.webp'],
    ['a temporary file', 'shop_a/.abc.tmp'],
  ])('finds nothing for %s', async (_name, key) => {
    const { storage } = await mediaSetup();
    expect(await mediaFileForKey(storage, key)).toBeUndefined();
  });
});
