import sharp from 'sharp';
import { z } from 'zod';
import { giftBoxScene, kernelJarScene, nutBagScene, nutBowlScene } from './bainiu-scenes.ts';
import { molcajeteScene } from './comonfort-scenes.ts';

const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'use a #rrggbb colour');

/**
 * One product photo as the seed file describes it: which scene to draw, its
 * colours, and a seed so the same spec always draws the same picture.
 */
export const PhotoSpec = z.object({
  scene: z.enum([
    'nut-bag',
    'gift-box',
    'nut-bowl',
    'kernel-jar',
    'molcajete',
    'molcajete-salsa-roja',
    'molcajete-salsa-verde',
    'molcajete-guacamole',
  ]),
  seed: z.number().int().min(0),
  accent: Colour,
  wall: Colour,
  table: Colour,
});
export type PhotoSpec = z.infer<typeof PhotoSpec>;

/** The SVG source of a photo (exported for tests and for looking at a scene quickly). */
export function photoSvg(spec: PhotoSpec): string {
  switch (spec.scene) {
    case 'nut-bag':
      return nutBagScene(spec);
    case 'gift-box':
      return giftBoxScene(spec);
    case 'nut-bowl':
      return nutBowlScene(spec);
    case 'kernel-jar':
      return kernelJarScene(spec);
    case 'molcajete':
      return molcajeteScene({ ...spec, contents: 'empty' });
    case 'molcajete-salsa-roja':
      return molcajeteScene({ ...spec, contents: 'salsa-roja' });
    case 'molcajete-salsa-verde':
      return molcajeteScene({ ...spec, contents: 'salsa-verde' });
    case 'molcajete-guacamole':
      return molcajeteScene({ ...spec, contents: 'guacamole' });
  }
}

/**
 * Draws a product photo and encodes it as a 1600×1200 JPEG, the way a phone
 * would hand it over: the media pipeline then cleans and resizes it like any upload.
 */
export async function renderPhoto(spec: PhotoSpec): Promise<Buffer> {
  return sharp(Buffer.from(photoSvg(spec)))
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 84, mozjpeg: false })
    .toBuffer();
}
