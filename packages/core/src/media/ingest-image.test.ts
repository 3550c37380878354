import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { phonePhotoJpeg, plainJpeg, transparentPng } from '../../test/fixtures/media/images.js';
import { mediaRows, mediaSetup } from '../../test/fixtures/media/setup.js';
import { listShopJobs } from '../jobs/find-jobs.js';
import { getMediaAsset } from './get-media-asset.js';
import { ingestImage } from './ingest-image.js';
import { sha256Hex } from './media-keys.js';
import type { MediaStorage } from './storage.js';

async function pixel(data: Buffer, x: number, y: number): Promise<number[]> {
  const raw = await sharp(data).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer();
  return [...raw.subarray(0, 3)];
}

const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 60 && b! < 60;
const isBlue = ([r, g, b]: number[]) => b! > 180 && r! < 60 && g! < 60;

async function read(storage: MediaStorage, key: string): Promise<Buffer> {
  const data = await storage.get(key);
  if (!data) throw new Error(`missing ${key}`);
  return data;
}

describe('ingestImage', () => {
  it('applies EXIF orientation: a sideways-stored phone photo comes out upright', async () => {
    const { shopA, storage } = await mediaSetup();
    const r = await ingestImage(shopA, { bytes: await phonePhotoJpeg(), storage });
    if (!r.ok) throw new Error(r.message);
    expect([r.asset.width, r.asset.height]).toEqual([400, 600]);
    const asset = await getMediaAsset(shopA, r.asset.id);
    for (const key of [asset.originalKey, ...asset.files.map((f) => f.key)]) {
      const data = await read(storage, key);
      const meta = await sharp(data).metadata();
      expect(meta.width! / meta.height!).toBeCloseTo(400 / 600, 2);
      // Stored left half was red: upright, the top is red and the bottom blue.
      expect(isRed(await pixel(data, Math.floor(meta.width! / 2), 2))).toBe(true);
      expect(isBlue(await pixel(data, Math.floor(meta.width! / 2), meta.height! - 3))).toBe(true);
    }
  });

  it('stores no EXIF, GPS, XMP, IPTC or ICC data in any file', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const upload = await phonePhotoJpeg();
    const before = await sharp(upload).metadata();
    expect(before.exif && before.xmp && before.icc && before.orientation).toBeTruthy();
    const r = await ingestImage(shopA, { bytes: upload, storage });
    expect(r.ok).toBe(true);
    const stored = files();
    expect(stored.length).toBeGreaterThan(1);
    for (const key of stored) {
      const data = await read(storage, key);
      const meta = await sharp(data).metadata();
      expect(meta.exif, key).toBeUndefined();
      expect(meta.xmp, key).toBeUndefined();
      expect(meta.iptc, key).toBeUndefined();
      expect(meta.icc, key).toBeUndefined();
      expect(meta.orientation, key).toBeUndefined();
      // Belt and braces: no trace of the GPS text or the camera in the bytes.
      const text = data.toString('latin1');
      for (const needle of ['Exif', 'GPS', 'AldeaPhone', 'xmpmeta', '119,43']) {
        expect(text.includes(needle), `${key} contains ${needle}`).toBe(false);
      }
    }
  });

  it('makes the promised WebP widths, a cleaned JPEG original and a tiny placeholder', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const upload = await plainJpeg(2000, 1500);
    const r = await ingestImage(shopA, { bytes: upload, filename: 'IMG_0001.JPG', storage });
    if (!r.ok) throw new Error(r.message);
    const { asset } = r;
    expect(asset.files.map((f) => [f.format, f.width, f.height])).toEqual([
      ['webp', 320, 240],
      ['webp', 640, 480],
      ['webp', 1024, 768],
      ['webp', 1600, 1200],
    ]);
    for (const f of asset.files) {
      const data = await read(storage, f.key);
      const meta = await sharp(data).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', f.width, f.height]);
      expect(f.bytes).toBe(data.byteLength);
      expect(f.key).toMatch(
        new RegExp(`^${shopA.shop.id}/${asset.id}/w${f.width}-[0-9a-f]{20}\\.webp$`),
      );
      expect(f.key).toContain(sha256Hex(data).slice(0, 20));
    }
    expect(asset.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]+$/);
    expect(asset.placeholder.length).toBeLessThan(1000);
    const full = await getMediaAsset(shopA, asset.id);
    expect(full).toMatchObject({
      status: 'processing',
      mime: 'image/jpeg',
      bytes: upload.byteLength,
      sha256: sha256Hex(upload),
      job: { status: 'queued', progress: 0, attempts: 0 },
    });
    const original = await sharp(await read(storage, full.originalKey)).metadata();
    expect([original.format, original.width, original.height]).toEqual(['jpeg', 2000, 1500]);
    expect(files()).toHaveLength(5);
    expect(await mediaRows(shopA)).toEqual({ assets: 1, files: 4, jobs: 1 });
    const [job] = await listShopJobs(shopA);
    expect(job).toMatchObject({ type: 'media.avif', payload: { mediaId: asset.id } });
  });

  it('never upscales: a small image gets one WebP at its own width', async () => {
    const { shopA, storage } = await mediaSetup();
    const r = await ingestImage(shopA, { bytes: await plainJpeg(200, 100), storage });
    if (!r.ok) throw new Error(r.message);
    expect(r.asset.files.map((f) => [f.width, f.height])).toEqual([[200, 100]]);
  });

  it('keeps transparency: the original of a PNG with alpha stays PNG', async () => {
    const { shopA, storage } = await mediaSetup();
    const r = await ingestImage(shopA, { bytes: await transparentPng(), storage });
    if (!r.ok) throw new Error(r.message);
    const asset = await getMediaAsset(shopA, r.asset.id);
    expect(asset.originalKey).toMatch(/\.png$/);
    const webp = await sharp(await read(storage, asset.files[0]!.key)).metadata();
    expect(webp.hasAlpha).toBe(true);
  });

  it('takes a stream with its declared size', async () => {
    const { shopA, storage } = await mediaSetup();
    const bytes = await plainJpeg(700, 500);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
    }
    const r = await ingestImage(shopA, { stream: chunks(), size: bytes.length, storage });
    if (!r.ok) throw new Error(r.message);
    expect(r.asset.files.map((f) => f.width)).toEqual([320, 640, 700]);
  });
});
