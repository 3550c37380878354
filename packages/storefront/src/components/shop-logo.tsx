import type { MediaView } from '@aldea/core';
import { mediaHref } from './picture.js';

/** Height in CSS pixels a logo is drawn at (the header and shop cards). */
export const LOGO_HEIGHT = 40;
/** Logos are drawn small: files wider than this are never worth fetching for them. */
const LOGO_MAX_FILE_WIDTH = 640;

const TYPES = { avif: 'image/avif', webp: 'image/webp' } as const;

function srcset(files: MediaView['files']): string {
  return files.map((f) => `${mediaHref(f.key)} ${f.width}w`).join(', ');
}

interface ShopLogoProps {
  image: MediaView;
  /** The alt text: the shop's name where the logo stands for it, empty beside the name. */
  alt: string;
  /** Below the fold (shop cards): load lazily. */
  lazy?: boolean;
}

/**
 * A shop's logo, small: AVIF and WebP `srcset`s of the smallest files only,
 * `sizes` set to the drawn width, and width and height set so nothing shifts.
 */
export function ShopLogo({ image, alt, lazy = false }: ShopLogoProps) {
  const height = LOGO_HEIGHT;
  const width = Math.max(1, Math.round((height * image.width) / Math.max(image.height, 1)));
  const small = image.files.filter((f) => f.width <= LOGO_MAX_FILE_WIDTH);
  const files = small.length > 0 ? small : image.files.slice(0, 1);
  const webp = files.filter((f) => f.format === 'webp').sort((a, b) => a.width - b.width);
  const fallback = webp[0] ?? files[0];
  return (
    <picture class="shop-logo">
      {(['avif', 'webp'] as const).map((format) => {
        const of = files.filter((f) => f.format === format).sort((a, b) => a.width - b.width);
        return of.length > 0 ? (
          <source type={TYPES[format]} srcset={srcset(of)} sizes={`${width}px`} />
        ) : null;
      })}
      <img
        class="shop-logo-img"
        src={fallback ? mediaHref(fallback.key) : image.placeholder}
        alt={alt}
        width={width}
        height={height}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  );
}
