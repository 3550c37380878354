import { AldeaError, contentTypeForKey, isValidMediaKey, type MediaStorage } from '@aldea/core';

/** The few calls any object store offers (an S3, R2 or GCS client wraps in a few lines). */
export interface Bucket {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  head(key: string): Promise<{ size: number; lastModified: Date } | undefined>;
  delete(key: string): Promise<void>;
}

/**
 * Aldea's photos in an object store instead of on local disk. Keys are checked
 * before they reach the bucket (a key from a URL is never trusted); an object
 * store's put is atomic, as `MediaStorage.put` requires.
 */
export function bucketStorage(bucket: Bucket, prefix = 'aldea/'): MediaStorage {
  const keyOf = (key: string) => {
    if (!isValidMediaKey(key)) throw new AldeaError('VALIDATION', 'invalid storage key');
    return `${prefix}${key}`;
  };
  return {
    put: async (key, data) =>
      bucket.put(keyOf(key), data, contentTypeForKey(key) ?? 'application/octet-stream'),
    get: async (key) => {
      if (!isValidMediaKey(key)) return undefined;
      const body = await bucket.get(keyOf(key));
      return body && Buffer.from(body);
    },
    stat: async (key) => {
      if (!isValidMediaKey(key)) return undefined;
      const head = await bucket.head(keyOf(key));
      return head && { bytes: head.size, modifiedAt: head.lastModified };
    },
    delete: async (key) => bucket.delete(keyOf(key)),
    openRead: async (key) => {
      if (!isValidMediaKey(key)) return undefined;
      const body = await bucket.get(keyOf(key));
      return body && new Blob([body]).stream();
    },
  };
}
