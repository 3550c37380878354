import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phonePhotoJpeg, pixelBombPng } from '../../test/fixtures/media/images.js';
import { readImageHeader } from './image-header.js';
import { DEFAULT_MEDIA_LIMITS } from './limits.js';
import { DERIVATIVE_WIDTHS, derivativeWidths } from './render-derivatives.js';
import { sniffImageType } from './sniff-image-type.js';

describe('derivativeWidths', () => {
  it.each([
    [4000, [320, 640, 1024, 1600]],
    [1601, [320, 640, 1024, 1600]],
    [1600, [320, 640, 1024, 1600]],
    [1599, [320, 640, 1024, 1599]],
    [800, [320, 640, 800]],
    [320, [320]],
    [200, [200]],
    [1, [1]],
  ])('for a %i px wide image: %j', (width, widths) => {
    expect(derivativeWidths(width)).toEqual(widths);
  });

  it('never upscales, never repeats, always gives at least one width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16_383 }), (width) => {
        const widths = derivativeWidths(width);
        return (
          widths.length >= 1 &&
          widths.every((w) => w <= width) &&
          widths.every((w, i) => i === 0 || w > widths[i - 1]!) &&
          widths.at(-1) === Math.min(width, Math.max(...DERIVATIVE_WIDTHS))
        );
      }),
    );
  });
});

describe('readImageHeader', () => {
  it('reports the upright size of a sideways-stored photo', async () => {
    const bytes = await phonePhotoJpeg({ width: 600, height: 400 });
    const r = await readImageHeader(bytes, sniffImageType(bytes)!, DEFAULT_MEDIA_LIMITS);
    expect(r).toEqual({ ok: true, header: { width: 400, height: 600, hasAlpha: false } });
  });

  it('refuses a pixel bomb without decoding it', async () => {
    const bytes = await pixelBombPng(20_000);
    const r = await readImageHeader(bytes, sniffImageType(bytes)!, DEFAULT_MEDIA_LIMITS);
    expect(r).toEqual({ ok: false, reason: 'TOO_MANY_PIXELS' });
  });
});
