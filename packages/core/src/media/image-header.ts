import sharp, { type Metadata } from 'sharp';
import type { MediaLimits } from './limits.js';
import type { SniffedImage } from './sniff-image-type.js';

/** Size and shape of an image, read from its header without decoding pixels. */
export interface ImageHeader {
  /** After EXIF orientation (a portrait phone photo is taller than wide). */
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** True for sharp's "Input image exceeds pixel limit". */
export function isPixelLimitError(err: unknown): boolean {
  return err instanceof Error && /pixel limit/i.test(err.message);
}

/** Why an upload's header was refused. */
export type HeaderRefusal = 'TOO_MANY_PIXELS' | 'CORRUPT' | 'HEIC_UNSUPPORTED';

/**
 * Reads the header and checks the pixel limits before anything is decoded: a
 * 20000×20000 PNG of a few kilobytes ("pixel bomb") is refused here, having
 * cost a few hundred bytes of parsing.
 */
export async function readImageHeader(
  bytes: Buffer,
  sniffed: SniffedImage,
  limits: MediaLimits,
): Promise<{ ok: true; header: ImageHeader } | { ok: false; reason: HeaderRefusal }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: limits.maxPixels }).metadata();
  } catch (err) {
    // sharp checks the limit against the header too, and says so.
    if (isPixelLimitError(err)) return { ok: false, reason: 'TOO_MANY_PIXELS' };
    return { ok: false, reason: sniffed.kind === 'heic' ? 'HEIC_UNSUPPORTED' : 'CORRUPT' };
  }
  const { width, height } = meta;
  if (!(width > 0 && height > 0)) return { ok: false, reason: 'CORRUPT' };
  if (width * height > limits.maxPixels || Math.max(width, height) > limits.maxDimension) {
    return { ok: false, reason: 'TOO_MANY_PIXELS' };
  }
  return {
    ok: true,
    header: {
      width: meta.autoOrient?.width ?? width,
      height: meta.autoOrient?.height ?? height,
      hasAlpha: meta.hasAlpha,
    },
  };
}
