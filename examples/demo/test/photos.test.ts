import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoSpec, photoSvg, renderPhoto } from '../src/photos/render-photo.ts';

const scenes = PhotoSpec.shape.scene.options;

const spec = (scene: PhotoSpec['scene'], seed = 1): PhotoSpec => ({
  scene,
  seed,
  accent: '#b3261e',
  wall: '#efe6d8',
  table: '#8a5a34',
});

describe('demo product photos', () => {
  it.each(scenes)('draws %s as a 1600×1200 JPEG', async (scene) => {
    const jpeg = await renderPhoto(spec(scene));
    const meta = await sharp(jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
    // A real picture, not a flat fill: the channels vary.
    const stats = await sharp(jpeg).stats();
    expect(stats.channels[0]!.stdev).toBeGreaterThan(10);
  });

  it('draws the same picture for the same spec and a different one for another seed or colour', () => {
    expect(photoSvg(spec('molcajete', 7))).toBe(photoSvg(spec('molcajete', 7)));
    expect(photoSvg(spec('molcajete', 7))).not.toBe(photoSvg(spec('molcajete', 8)));
    expect(photoSvg({ ...spec('gift-box'), accent: '#1f6f5c' })).not.toBe(
      photoSvg(spec('gift-box')),
    );
  });
});
