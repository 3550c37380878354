import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** The response headers a stored page is served with again (all but the per-request ones). */
export interface ReplayHeaders {
  /** Lower-case names; no request id, ETag, length or encoding. */
  readonly single: Readonly<Record<string, string>>;
  /** The Set-Cookie lines (`?lang=` and `?currency=` are in the key, so they repeat). */
  readonly cookies: readonly string[];
}

/**
 * One rendered page as the cache keeps it: the HTML as bytes, rendered for a
 * buyer with an empty cart, and where the cart link's label sits in it, so a
 * buyer with items gets the same page with their count put in.
 */
export interface StoredPage {
  readonly key: string;
  /** Whose content version it was rendered at: a shop id, or `*` for platform pages. */
  readonly scope: string;
  /** The content version it was rendered at; another version is a miss. */
  readonly version: number;
  /** When it was stored (epoch ms of the storefront's clock). */
  readonly storedAt: number;
  /** A strong validator of `body`: the quoted hex SHA-1. */
  readonly etag: string;
  readonly body: Buffer;
  /** Byte range of the cart label in `body`, when the page has one. */
  readonly cart: { start: number; end: number } | undefined;
  /** `body` gzipped, made the first time a client asks for it. */
  gzip: Buffer | undefined;
  /** The headers of the first full response, once it went out (see the fast lane). */
  headers: ReplayHeaders | undefined;
  /** The fast lane's answers' headers, made from `headers` the first time it answers. */
  laneHeaders: LaneHeaders | undefined;
}

/**
 * Every header of a fast answer (an empty `x-request-id` to fill in), by
 * representation: a plain object with all its names already in it is the one a
 * copy of which costs tens of nanoseconds; adding a name to a copy costs microseconds.
 */
export interface LaneHeaders {
  readonly plain: Readonly<Record<string, string>>;
  readonly gzip: Readonly<Record<string, string>>;
  /** A 304 to a client that takes gzip: the weak validator, no encoding. */
  readonly gzipNotModified: Readonly<Record<string, string>>;
}

/** Options of {@link pageStore}. */
export interface PageStoreOptions {
  /** Bytes of page bodies (plain and gzipped) kept at most; the least recently used go first. */
  maxBytes: number;
  /** A stored page is re-rendered after this long even if nothing changed (relative times, FX staleness). */
  maxAgeMs: number;
}

/**
 * An in-process LRU of rendered pages, bounded in bytes. Every entry carries
 * the content version it was rendered at, so a process never serves a page the
 * database has since changed (see core's `readShopContentVersion`), and app
 * servers still share nothing: each keeps its own.
 */
export interface PageStore {
  /**
   * A random token pages render in place of the cart label while being stored;
   * no seller can type it into a text that precedes the header.
   */
  readonly cartSlot: string;
  /** The page stored under `key`, fresh at `now`, whatever its version. */
  peek(key: string, now: number): StoredPage | undefined;
  /** The page stored under `key` at `version` and fresh at `now`, if any. */
  get(key: string, version: number, now: number): StoredPage | undefined;
  /**
   * Stores `html` (rendered with `cartSlot` as the cart label) with
   * `emptyCartLabel` in its place, and returns the entry.
   */
  put(
    key: string,
    at: { scope: string; version: number; now: number },
    html: string,
    emptyCartLabel: string,
  ): StoredPage;
  /** The gzipped body of an entry, compressed once. */
  gzipped(page: StoredPage): Buffer;
  /** Bytes kept now and the budget (for tests and the doctor). */
  readonly stats: { bytes: number; entries: number; maxBytes: number };
}

const sizeOf = (p: StoredPage) => p.body.length + (p.gzip?.length ?? 0) + 200;

/** Makes a page store; see {@link PageStore}. */
export function pageStore(opts: PageStoreOptions): PageStore {
  const entries = new Map<string, StoredPage>();
  let bytes = 0;
  const cartSlot = `aldea-cart-${randomBytes(12).toString('hex')}`;

  function remove(page: StoredPage): void {
    entries.delete(page.key);
    bytes -= sizeOf(page);
  }

  function evict(): void {
    for (const page of entries.values()) {
      if (bytes <= opts.maxBytes) return;
      remove(page);
    }
  }

  function peek(key: string, now: number): StoredPage | undefined {
    const page = entries.get(key);
    if (!page) return undefined;
    if (now - page.storedAt >= opts.maxAgeMs || now < page.storedAt) {
      remove(page);
      return undefined;
    }
    // Most recently used goes last: a Map keeps insertion order.
    entries.delete(key);
    entries.set(key, page);
    return page;
  }

  return {
    cartSlot,
    peek,
    get(key, version, now) {
      const page = peek(key, now);
      if (page && page.version !== version) {
        remove(page);
        return undefined;
      }
      return page;
    },
    put(key, { scope, version, now }, html, emptyCartLabel) {
      const at = html.indexOf(cartSlot);
      const filled = at < 0 ? html : html.replace(cartSlot, emptyCartLabel);
      const body = Buffer.from(filled);
      const start = at < 0 ? -1 : Buffer.byteLength(html.slice(0, at));
      const old = entries.get(key);
      const page: StoredPage = {
        key,
        scope,
        version,
        storedAt: now,
        etag: `"${createHash('sha1').update(body).digest('hex')}"`,
        body,
        cart: start < 0 ? undefined : { start, end: start + Buffer.byteLength(emptyCartLabel) },
        gzip: undefined,
        // The same key makes the same headers: keep them across a re-render.
        headers: old?.headers,
        laneHeaders: undefined,
      };
      if (old) remove(old);
      if (sizeOf(page) <= opts.maxBytes) {
        entries.set(key, page);
        bytes += sizeOf(page);
        evict();
      }
      return page;
    },
    gzipped(page) {
      if (page.gzip) return page.gzip;
      const gz = gzipSync(page.body);
      page.gzip = gz;
      // Count the new bytes only if the page is still kept (not evicted meanwhile).
      if (entries.get(page.key) === page) {
        bytes += gz.length;
        evict();
      }
      return gz;
    },
    get stats() {
      return { bytes, entries: entries.size, maxBytes: opts.maxBytes };
    },
  };
}
