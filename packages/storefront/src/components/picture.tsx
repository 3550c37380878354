/** The image fields a picture needs (the catalog's `ImageView` has them). */
export interface PictureImage {
  alt: string;
  altLocale?: string | null;
  width: number;
  height: number;
  placeholder: string;
  files: readonly { format: string; width: number; height: number; key: string }[];
}

const TYPES: Readonly<Record<string, string>> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

/** The URL a media file is served at (keys are URL-safe and content-addressed: cacheable forever). */
export function mediaHref(key: string): string {
  return `/media/${key}`;
}

function srcset(files: PictureImage['files']): string {
  return [...files]
    .sort((a, b) => a.width - b.width)
    .map((f) => `${mediaHref(f.key)} ${f.width}w`)
    .join(', ');
}

/** The file to use as `<img src>`: the fallback format nearest `target` pixels wide. */
export function fallbackFile(image: PictureImage, target = 640) {
  const pool = image.files.filter((f) => f.format === 'jpeg');
  const candidates = pool.length > 0 ? pool : image.files.filter((f) => f.format === 'webp');
  const list = candidates.length > 0 ? candidates : image.files;
  return [...list].sort((a, b) => Math.abs(a.width - target) - Math.abs(b.width - target))[0];
}

interface PictureProps {
  image: PictureImage;
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  sizes: string;
  /** Above the fold: load at once. Otherwise lazy. */
  eager?: boolean;
  /** Square crop (grids) or the photo's own shape (product page). */
  square?: boolean;
  /** Replaces the seller's alt text (e.g. when the seller wrote none). */
  alt?: string;
}

/**
 * A responsive photo: AVIF and WebP `srcset`s with `sizes`, width and height
 * set (no layout shift), lazy below the fold, and the tiny blurred placeholder
 * painted underneath until the real image arrives. No inline style, so the CSP
 * stays strict.
 */
export function Picture({ image, sizes, eager = false, square = false, alt }: PictureProps) {
  const fallback = fallbackFile(image);
  const text = alt ?? image.alt;
  const lang = alt === undefined ? (image.altLocale ?? undefined) : undefined;
  return (
    <div class={square ? 'ph square' : 'ph'}>
      {image.placeholder.startsWith('data:image/') && (
        <img
          class="blur"
          src={image.placeholder}
          alt=""
          aria-hidden="true"
          width={image.width}
          height={image.height}
        />
      )}
      <picture>
        {(['avif', 'webp'] as const).map((format) => {
          const files = image.files.filter((f) => f.format === format);
          return files.length > 0 ? (
            <source type={TYPES[format]} srcset={srcset(files)} sizes={sizes} />
          ) : null;
        })}
        <img
          src={fallback ? mediaHref(fallback.key) : image.placeholder}
          alt={text}
          lang={lang}
          width={image.width}
          height={image.height}
          loading={eager ? 'eager' : 'lazy'}
          decoding={eager ? 'sync' : 'async'}
          fetchpriority={eager ? 'high' : undefined}
        />
      </picture>
    </div>
  );
}
