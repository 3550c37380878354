import type { ImageView } from '@aldea/core';
import type { Links } from '../links.js';

/** The admin URL of a stored media file of the shop (served to signed-in members only). */
export function mediaUrl(links: Links, shopId: string, key: string): string {
  return links.shop(shopId, `/media/${key}`);
}

/** The smallest WebP (else any) derivative of a photo, for thumbnails. */
export function thumbnailKey(image: Pick<ImageView, 'files'>): string | undefined {
  const webp = image.files.filter((f) => f.format === 'webp').sort((a, b) => a.width - b.width);
  return (webp[0] ?? image.files[0])?.key;
}
