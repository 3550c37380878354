import type { PageStore, StoredPage } from './page-store.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML (our own labels, put into stored bytes). */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** Accepts gzip unless it says `q=0`. */
const GZIP = /(?:^|,)\s*(?:gzip|\*)\s*(?:,|$|;\s*q=(?!0(?:\.0{0,3})?\s*(?:,|$)))/i;

function weakEqual(a: string, b: string): boolean {
  const strip = (s: string) => s.trim().replace(/^W\//, '');
  return strip(a) === strip(b);
}

/** If-None-Match against an ETag, by the weak comparison RFC 9110 asks of GET. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => weakEqual(t, etag));
}

/** What to send for a stored page: status, body, validator and encoding. */
export interface PageRepresentation {
  status: 200 | 304;
  /** Null for a 304. */
  body: Uint8Array<ArrayBuffer> | null;
  etag: string;
  gzip: boolean;
}

/** The bytes of a Buffer as the plain Uint8Array a Response takes, without a copy. */
const view = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/**
 * The representation of a stored page for one request: with the buyer's cart
 * label in place of the empty-cart one (an escaped string, or undefined for
 * none), gzipped from the stored copy when the client takes gzip and the page
 * is the shared one (a buyer's own copy is left to the compress middleware),
 * or a 304 when the client has it.
 */
export function representPage(
  store: PageStore,
  page: StoredPage,
  req: { label: string | undefined; ifNoneMatch: string | undefined; acceptEncoding: string },
): PageRepresentation {
  let body = page.body;
  let etag = page.etag;
  if (req.label !== undefined && page.cart) {
    const label = Buffer.from(req.label);
    body = Buffer.concat([
      page.body.subarray(0, page.cart.start),
      label,
      page.body.subarray(page.cart.end),
    ]);
    etag = `"${page.etag.slice(1, -1)}-${label.toString('hex').slice(0, 16)}"`;
  }
  const gzip = body === page.body && GZIP.test(req.acceptEncoding);
  const sent = gzip ? `W/${etag}` : etag;
  if (matchesEtag(req.ifNoneMatch, etag)) return { status: 304, body: null, etag: sent, gzip };
  return { status: 200, body: view(gzip ? store.gzipped(page) : body), etag: sent, gzip };
}
