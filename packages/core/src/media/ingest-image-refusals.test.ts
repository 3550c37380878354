import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  heicBrandedFile,
  pixelBombPng,
  plainJpeg,
  textFileNamedJpg,
  truncatedJpeg,
} from '../../test/fixtures/media/images.js';
import { mediaRows, mediaSetup } from '../../test/fixtures/media/setup.js';
import { isAldeaError } from '../errors.js';
import { type IngestImageInput, ingestImage } from './ingest-image.js';
import type { IngestRefusal } from './ingest-refusals.js';

const MB = 1024 * 1024;

/** Ingests `input` into shop A and checks it was refused for `reason` with nothing stored. */
async function expectRefused(
  reason: IngestRefusal,
  input: Omit<IngestImageInput, 'storage'>,
): Promise<{ message: string; params: Record<string, string | number> }> {
  const { shopA, storage, files } = await mediaSetup();
  const r = await ingestImage(shopA, { ...input, storage } as IngestImageInput);
  if (r.ok) throw new Error(`expected ${reason}, got an asset`);
  expect(r.reason).toBe(reason);
  expect(r.message.length).toBeGreaterThan(20);
  expect(files()).toEqual([]);
  expect(await mediaRows(shopA)).toEqual({ assets: 0, files: 0, jobs: 0 });
  return r;
}

/** A lazy stream of 1 MB chunks that records how much was pulled from it. */
function lazyUpload(totalMb: number) {
  const stats = { pulledMb: 0 };
  async function* chunks() {
    for (let i = 0; i < totalMb; i++) {
      stats.pulledMb++;
      yield new Uint8Array(MB);
    }
  }
  return { stream: chunks(), stats };
}

describe('ingestImage refuses bad uploads, storing nothing', () => {
  it('a 20000×20000 PNG pixel bomb, from its header alone', async () => {
    const bomb = await pixelBombPng(20_000);
    expect(bomb.length).toBeLessThan(200);
    const r = await expectRefused('TOO_MANY_PIXELS', { bytes: bomb, filename: 'bomb.png' });
    expect(r.params).toMatchObject({ maxMegapixels: 40 });
  });

  it('an image over a lower pixel limit the operator set', async () => {
    await expectRefused('TOO_MANY_PIXELS', {
      bytes: await plainJpeg(1200, 1000),
      limits: { maxPixels: 1_000_000 },
    });
  });

  it('an image too long on one side for WebP (17000 × 1: few pixels)', async () => {
    await expectRefused('TOO_MANY_PIXELS', { bytes: await pixelBombPng(17_000, 1) });
  });

  it('a text file named .jpg', async () => {
    const r = await expectRefused('NOT_AN_IMAGE', {
      bytes: textFileNamedJpg(),
      filename: 'molcajete.jpg',
    });
    expect(r.message).toContain('molcajete.jpg');
  });

  it('an empty file', async () => {
    await expectRefused('NOT_AN_IMAGE', { bytes: new Uint8Array(0) });
  });

  it('a truncated JPEG', async () => {
    await expectRefused('CORRUPT', { bytes: await truncatedJpeg(0.6) });
  });

  it('a JPEG cut off inside its header', async () => {
    await expectRefused('CORRUPT', { bytes: await truncatedJpeg(0.01) });
  });

  it('a HEIC photo, telling the seller what to do', async () => {
    const r = await expectRefused('HEIC_UNSUPPORTED', {
      bytes: heicBrandedFile(),
      filename: 'IMG_0042.HEIC',
    });
    expect(r.message).toContain('Most Compatible');
  });

  it.each([
    [
      'TIFF',
      () =>
        sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
          .tiff()
          .toBuffer(),
    ],
    [
      'SVG',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    ],
  ])('a %s image', async (kind, make) => {
    const r = await expectRefused('UNSUPPORTED_FORMAT', { bytes: await make() });
    expect(r.params.kind).toBe(kind);
  });

  it('a file one byte over the upload limit', async () => {
    const r = await expectRefused('TOO_LARGE', { bytes: new Uint8Array(25 * MB + 1) });
    expect(r.params).toMatchObject({ maxMegabytes: 25 });
  });

  it('a 100 MB stream, after reading only just past the limit', async () => {
    const { stream, stats } = lazyUpload(100);
    await expectRefused('TOO_LARGE', { stream });
    expect(stats.pulledMb).toBe(26);
  });

  it('a stream declaring 100 MB, before reading any of it', async () => {
    const { stream, stats } = lazyUpload(100);
    await expectRefused('TOO_LARGE', { stream, size: 100 * MB });
    expect(stats.pulledMb).toBe(0);
  });
});

describe('ingestImage input', () => {
  it.each([
    [{}, 'bytes'],
    [{ bytes: new Uint8Array(1), stream: lazyUpload(1).stream }, 'bytes'],
    [{ bytes: 'not bytes' }, 'bytes'],
    [{ bytes: new Uint8Array(1), limits: { maxBytes: MB } }, 'limits.maxBytes'],
    [{ bytes: new Uint8Array(1), storage: {} }, 'storage'],
    [{ bytes: new Uint8Array(1), filename: 'x'.repeat(300) }, 'filename'],
  ])('refuses %j naming the field', async (bad, field) => {
    const { shopA, storage } = await mediaSetup();
    const err = await ingestImage(shopA, { storage, ...bad } as IngestImageInput).catch(
      (e: unknown) => e,
    );
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect((err as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(field);
  });
});
