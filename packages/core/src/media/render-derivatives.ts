import sharp, { type SharpOptions } from 'sharp';
import type { ImageHeader } from './image-header.js';
import type { MediaLimits } from './limits.js';

/** Widths of the WebP (and later AVIF) set, for `srcset`. */
export const DERIVATIVE_WIDTHS: readonly number[] = Object.freeze([320, 640, 1024, 1600]);

/** Encoder settings, in one place so the bench and core measure the same work. */
export const MEDIA_ENCODING = Object.freeze({
  original: { jpeg: { quality: 90 }, png: { compressionLevel: 6 } },
  // effort 2: half the CPU of the default 4 (3 costs as much as 4) for ~4% more
  // bytes. The seller waits for these; measured in bench/media.ts.
  webp: { quality: 80, effort: 2 },
  // effort 3 and 4:2:0 chroma: runs in the background, ~1–2 s a width on one core.
  avif: { quality: 50, effort: 3, chromaSubsampling: '4:2:0' },
  placeholder: { size: 16, webp: { quality: 40, effort: 2 } },
});

/** One encoded image. */
export interface Rendition {
  format: 'jpeg' | 'png' | 'webp' | 'avif';
  width: number;
  height: number;
  data: Buffer;
}

/** Everything the seller waits for: a cleaned original, the WebP set and a placeholder. */
export interface DerivativeSet {
  original: Rendition;
  webp: Rendition[];
  /** A ~16 px WebP as a data: URI (well under 1 KB), shown blurred while the photo loads. */
  placeholder: string;
}

/**
 * The widths to make for an image `sourceWidth` pixels wide: every target below
 * it, plus the image's own width when it is narrower than the largest target.
 * Never upscales.
 *
 * @example
 * derivativeWidths(4000); // [320, 640, 1024, 1600]
 * derivativeWidths(800);  // [320, 640, 800]
 */
export function derivativeWidths(
  sourceWidth: number,
  targets: readonly number[] = DERIVATIVE_WIDTHS,
): number[] {
  const below = targets.filter((w) => w < sourceWidth);
  const largest = Math.max(...targets);
  return sourceWidth <= largest ? [...below, sourceWidth] : below;
}

/** Decoder options for untrusted input: pixel limit, stop on errors and truncation, upright. */
export function inputOptions(limits: MediaLimits): SharpOptions {
  return { limitInputPixels: limits.maxPixels, failOn: 'error', autoOrient: true };
}

/** Raw pixels and their shape, as sharp takes them back as input. */
export interface RawImage {
  data: Buffer;
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/**
 * Decodes an image to raw pixels: sRGB (CMYK, greyscale and ICC profiles
 * converted), 8-bit, upright, at most `maxWidth` wide (never enlarged).
 */
export async function decodeRaw(
  input: Buffer,
  opts: SharpOptions,
  maxWidth?: number,
): Promise<RawImage> {
  const pipeline = sharp(input, opts);
  if (maxWidth !== undefined) pipeline.resize({ width: maxWidth, withoutEnlargement: true });
  const { data, info } = await pipeline
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, raw: { width: info.width, height: info.height, channels: info.channels } };
}

/** A raw image at most `maxWidth` wide, from raw pixels. */
async function shrinkRaw(image: RawImage, maxWidth: number): Promise<RawImage> {
  if (image.raw.width <= maxWidth) return image;
  const { data, info } = await sharp(image.data, { raw: image.raw })
    .resize({ width: maxWidth })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, raw: { width: info.width, height: info.height, channels: info.channels } };
}

/** Encodes one width of a raw image. */
export async function encodeWidth(
  working: RawImage,
  width: number,
  format: 'webp' | 'avif',
): Promise<Rendition> {
  const pipeline = sharp(working.data, { raw: working.raw }).resize({ width });
  const out =
    format === 'webp' ? pipeline.webp(MEDIA_ENCODING.webp) : pipeline.avif(MEDIA_ENCODING.avif);
  const { data, info } = await out.toBuffer({ resolveWithObject: true });
  return { format, width: info.width, height: info.height, data };
}

async function encodePlaceholder(working: RawImage): Promise<string> {
  const { size, webp } = MEDIA_ENCODING.placeholder;
  const data = await sharp(working.data, { raw: working.raw })
    .resize({ width: size, height: size, fit: 'inside' })
    .webp(webp)
    .toBuffer();
  return `data:image/webp;base64,${data.toString('base64')}`;
}

/**
 * Makes the set the seller waits for from an upload whose header passed
 * {@link readImageHeader}. EXIF orientation is applied and no metadata (EXIF,
 * GPS, XMP, IPTC, ICC) reaches any output: sharp writes none unless asked.
 *
 * The upload is decoded once, upright, to raw pixels (about 3–4 bytes a pixel:
 * 36 MB for 12 MP, 160 MB at the 40 MP limit); the original is encoded from
 * them while a 1600 px copy is made and encoded into every WebP width, in
 * parallel. Decoding once costs a third less CPU than a pipeline per output.
 * Throws when the pixel data is corrupt or truncated.
 */
export async function renderDerivatives(
  bytes: Buffer,
  header: ImageHeader,
  limits: MediaLimits,
): Promise<DerivativeSet> {
  const full = await decodeRaw(bytes, inputOptions(limits));
  const widths = derivativeWidths(full.raw.width);
  const originalFormat = header.hasAlpha ? 'png' : 'jpeg';
  const pixels = sharp(full.data, { raw: full.raw });
  const originalPromise = (
    originalFormat === 'png'
      ? pixels.png(MEDIA_ENCODING.original.png)
      : pixels.jpeg(MEDIA_ENCODING.original.jpeg)
  ).toBuffer({ resolveWithObject: true });
  const derivedPromise = shrinkRaw(full, Math.max(...widths)).then((working) =>
    Promise.all([
      encodePlaceholder(working),
      Promise.all(widths.map((w) => encodeWidth(working, w, 'webp'))),
    ]),
  );
  // Settle both before throwing, so no encode is still running when a failure is reported.
  const [originalResult, derivedResult] = await Promise.allSettled([
    originalPromise,
    derivedPromise,
  ]);
  if (originalResult.status === 'rejected') throw originalResult.reason;
  if (derivedResult.status === 'rejected') throw derivedResult.reason;
  const [placeholder, webp] = derivedResult.value;
  const { data, info } = originalResult.value;
  return {
    original: { format: originalFormat, width: info.width, height: info.height, data },
    webp,
    placeholder,
  };
}
