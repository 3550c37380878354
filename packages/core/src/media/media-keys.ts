import { createHash } from 'node:crypto';
import type { Rendition } from './render-derivatives.js';

const EXTENSIONS: Record<Rendition['format'], string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
};

/** SHA-256 of some bytes, hex. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The storage key of one file of an asset: `<shop>/<media>/<label>-<hash>.<ext>`.
 * The hash of the content fingerprints the URL (a changed file gets a new key,
 * so every key can be cached forever); the shop and media folders keep every
 * asset's files its own, so deleting one asset never touches another's.
 */
export function mediaFileKey(
  shopId: string,
  mediaId: string,
  label: string,
  rendition: Pick<Rendition, 'format' | 'data'>,
): string {
  const hash = sha256Hex(rendition.data).slice(0, 20);
  return `${shopId}/${mediaId}/${label}-${hash}.${EXTENSIONS[rendition.format]}`;
}

/** The key label of a derivative of `width` pixels. */
export const widthLabel = (width: number) => `w${width}`;
