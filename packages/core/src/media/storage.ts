/** What storage knows about one stored file. */
export interface StoredFileInfo {
  bytes: number;
  modifiedAt: Date;
}

/**
 * Where media bytes live. Keys are `/`-separated paths of letters, digits, `_`
 * and `-` ending in an extension (see {@link isValidMediaKey}); media keys are
 * content-fingerprinted, so a stored file never changes and can be cached forever.
 *
 * Implementations: {@link localDiskStorage} (the default), {@link memoryStorage}
 * (tests); an S3-style one fits the same shape.
 */
export interface MediaStorage {
  /** Stores `data` under `key` atomically: readers see the old file, or the whole new one. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The whole file, or undefined when there is none (or the key is not a valid key). */
  get(key: string): Promise<Buffer | undefined>;
  stat(key: string): Promise<StoredFileInfo | undefined>;
  /** Removes the file; succeeds when it is already gone. */
  delete(key: string): Promise<void>;
  /** A stream of the file for serving without buffering it, or undefined when there is none. */
  openRead(key: string): Promise<ReadableStream<Uint8Array> | undefined>;
}

const KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*\.[a-z0-9]{2,5}$/;

/**
 * True for a well-formed storage key: no `..`, no leading `/`, no dots except
 * the extension's, at most 512 characters. Keys that come from a URL must pass
 * this before reaching storage.
 */
export function isValidMediaKey(key: string): boolean {
  return key.length <= 512 && KEY.test(key);
}

const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/** The Content-Type to serve a media key with, from its extension; undefined for others. */
export function contentTypeForKey(key: string): string | undefined {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return CONTENT_TYPES[ext];
}
