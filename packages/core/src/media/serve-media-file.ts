import { contentTypeForKey, isValidMediaKey, type MediaStorage } from './storage.js';

/** Media keys are content-fingerprinted, so a response can be cached for a year and never revalidated. */
export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Everything an HTTP layer needs to serve one stored media file. */
export interface MediaFileResponse {
  key: string;
  contentType: string;
  bytes: number;
  /** Strong ETag from the key's content hash. */
  etag: string;
  lastModified: Date;
  cacheControl: string;
  /** Opens the file as a stream (only when the body is sent: not for a 304). Undefined if deleted meanwhile. */
  open(): Promise<ReadableStream<Uint8Array> | undefined>;
}

/**
 * Looks up a stored media file for serving by its key (as taken from a URL).
 * Undefined for a malformed key, an unknown type, or a missing file — all 404s.
 * The file is streamed, never buffered whole.
 *
 * @example
 * const file = await mediaFileForKey(storage, c.req.param('key'));
 * if (!file) return c.notFound();
 * const body = await file.open();
 */
export async function mediaFileForKey(
  storage: MediaStorage,
  key: string,
): Promise<MediaFileResponse | undefined> {
  if (!isValidMediaKey(key)) return undefined;
  const contentType = contentTypeForKey(key);
  if (!contentType) return undefined;
  const info = await storage.stat(key);
  if (!info) return undefined;
  const name = key.slice(key.lastIndexOf('/') + 1, key.lastIndexOf('.'));
  return {
    key,
    contentType,
    bytes: info.bytes,
    etag: `"${name}"`,
    lastModified: info.modifiedAt,
    cacheControl: MEDIA_CACHE_CONTROL,
    open: () => storage.openRead(key),
  };
}
