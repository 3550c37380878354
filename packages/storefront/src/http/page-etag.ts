import { createHash } from 'node:crypto';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';

/** SHA-1 with node:crypto, synchronously (WebCrypto's async digest costs more per page). */
function sha1(body: Uint8Array): ArrayBuffer {
  const digest = createHash('sha1').update(body).digest();
  return digest.buffer.slice(
    digest.byteOffset,
    digest.byteOffset + digest.byteLength,
  ) as ArrayBuffer;
}

/** Headers a 304 keeps: the standard ones, the request id and a language cookie. */
const KEPT_ON_304 = [...RETAINED_304_HEADERS, 'x-request-id', 'set-cookie'];

/** ETags on pages the page cache does not keep (search results); a match is a 304. */
export const pageEtag = () => etag({ retainedHeaders: KEPT_ON_304, generateDigest: sha1 });
