import type { MediaStatus, mediaAssets, mediaFiles } from '../schema/media.js';

/** One derivative file, as pages put it in a `srcset`. */
export interface MediaFileView {
  format: 'webp' | 'avif' | 'jpeg';
  width: number;
  height: number;
  /** Storage key; serve it with `mediaFileForKey`. */
  key: string;
  bytes: number;
}

/**
 * A photo as pages render it: intrinsic size (for `width`/`height` attributes,
 * so nothing shifts), the inline placeholder, and the derivatives (WebP at once,
 * AVIF when the background job is done), sorted by format then width.
 */
export interface MediaView {
  id: string;
  width: number;
  height: number;
  placeholder: string;
  files: MediaFileView[];
}

/** A photo with what the admin shows about it: processing state and the kept original. */
export interface MediaAsset extends MediaView {
  status: MediaStatus;
  /** What was uploaded (sniffed), and its size and hash. */
  mime: string;
  bytes: number;
  sha256: string;
  /** The cleaned original (orientation applied, metadata stripped). */
  originalKey: string;
  /** The background AVIF job, while there is one to show. */
  job: { id: string; status: string; progress: number; attempts: number } | null;
  createdAt: Date;
}

type AssetRow = typeof mediaAssets.$inferSelect;
type FileRow = typeof mediaFiles.$inferSelect;

const FORMAT_ORDER = { avif: 0, webp: 1, jpeg: 2 } as const;

/** Builds the view of an asset from its rows (files sorted by format, then width). */
export function toMediaView(asset: AssetRow, files: FileRow[]): MediaView {
  return {
    id: asset.id,
    width: asset.width,
    height: asset.height,
    placeholder: asset.placeholder,
    files: files
      .map((f) => ({
        format: f.format,
        width: f.width,
        height: f.height,
        key: f.key,
        bytes: f.bytes,
      }))
      .sort((a, b) => FORMAT_ORDER[a.format] - FORMAT_ORDER[b.format] || a.width - b.width),
  };
}

/**
 * A `srcset` value for one format, e.g. `/media/a.webp 320w, /media/b.webp 640w`;
 * empty when the format is not there (yet).
 *
 * @example
 * const webp = mediaSrcset(view, 'webp', (key) => `/media/${key}`);
 */
export function mediaSrcset(
  view: MediaView,
  format: MediaFileView['format'],
  urlForKey: (key: string) => string,
): string {
  return view.files
    .filter((f) => f.format === format)
    .map((f) => `${urlForKey(f.key)} ${f.width}w`)
    .join(', ');
}
