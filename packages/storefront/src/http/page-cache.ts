import { countCartItems, PLATFORM_CONTENT_SCOPE, readContentVersion } from '@aldea/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { cartToken } from '../routes/shop-data.js';
import { CACHE_PAGE } from './cache.js';
import { pageEtag } from './page-etag.js';
import { pageKey } from './page-key.js';
import { escapeHtml, representPage } from './page-response.js';
import type { PageStore, StoredPage } from './page-store.js';

/** Whose content a page shows: one shop's (with platform data), or many shops' (home, village). */
export type PageScope = 'shop' | 'platform';

/** The buyer's cart label ("Cart (3)"), or undefined when the stored empty-cart page is right. */
async function cartLabel(c: Context<AppEnv>, scope: PageScope): Promise<string | undefined> {
  const token = scope === 'shop' ? cartToken(c) : undefined;
  if (token === undefined) return undefined;
  const count = await countCartItems(c.get('shop'), token);
  return count > 0 ? escapeHtml(c.get('t')('nav.cartCount', { count })) : undefined;
}

/** Answers from a stored page: 304, the stored (gzipped) bytes, or the bytes with the buyer's cart count. */
async function serve(
  c: Context<AppEnv>,
  store: PageStore,
  page: StoredPage,
  scope: PageScope,
  state: 'hit' | 'miss',
): Promise<Response> {
  const out = representPage(store, page, {
    label: page.cart ? await cartLabel(c, scope) : undefined,
    ifNoneMatch: c.req.header('if-none-match'),
    acceptEncoding: c.req.header('accept-encoding') ?? '',
  });
  const headers: Record<string, string> = {
    'Cache-Control': CACHE_PAGE,
    Vary: 'Accept-Language, Cookie, Accept-Encoding',
    'X-Aldea-Cache': state,
    'Content-Type': 'text/html; charset=UTF-8',
    ETag: out.etag,
  };
  if (out.gzip && out.body) headers['Content-Encoding'] = 'gzip';
  const status = out.body ? 200 : 304;
  if (!c.finalized) {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return out.body ? c.body(out.body, 200) : c.body(null, 304);
  }
  // After a render (a miss) the handler's response is final in Hono's eyes, and
  // every header set on it one by one would copy it, body stream and all. Build
  // the answer once from its headers (cookies, language…) and ours.
  return replaceResponse(c, out.body ?? null, status, headers);
}

/**
 * Replaces the handler's (final) response with `body`, keeping its status
 * unless given and its headers (cookies, language…) with `headers` over them.
 * Assigning `c.res` over a response makes Hono copy the new one and merge the
 * old headers in; clearing it first makes the assignment a plain replacement.
 */
function replaceResponse(
  c: Context<AppEnv>,
  body: string | Uint8Array | null,
  status: number = c.res.status,
  headers: Record<string, string> = {},
): Response {
  const merged = new Headers(c.res.headers);
  merged.delete('Content-Length');
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  const res = new Response(body, { status, headers: merged });
  c.res = undefined;
  c.res = res;
  return res;
}

/** A response the handler did not want kept: only put the buyer's cart label in. */
async function passThrough(c: Context<AppEnv>, store: PageStore, scope: PageScope) {
  const type = c.res.headers.get('content-type') ?? '';
  if (!type.startsWith('text/html')) return;
  const html = c.get('renderedHtml') ?? (await c.res.text());
  const label = (await cartLabel(c, scope)) ?? escapeHtml(c.get('t')('nav.cart'));
  replaceResponse(c, html.replace(store.cartSlot, label));
}

const inflight = new WeakMap<PageStore, Map<string, Promise<StoredPage | undefined>>>();

/** The renders in flight for a store, by version and key. */
function inflightOf(store: PageStore): Map<string, Promise<StoredPage | undefined>> {
  let waiting = inflight.get(store);
  if (!waiting) {
    waiting = new Map();
    inflight.set(store, waiting);
  }
  return waiting;
}

/**
 * Keeps catalogue pages (home, village, shop, collection, product) rendered in
 * the storefront's page store and serves them again while the content version
 * of their scope stands: a repeat view costs a version read (and a cart count
 * for a buyer with a cart) instead of a render; the fast lane in front of every
 * middleware (`pageFastLane`) skips even that for buyers without a cart.
 * Concurrent misses of one page wait for one render. The route decides what may
 * be kept: a 200 with `cachePage` (private, no-cache); anything else passes
 * through as rendered. Without a store (`pageCacheBytes: 0`) pages get plain
 * ETags.
 */
export function cachedPage(scope: PageScope): MiddlewareHandler<AppEnv> {
  const plain = pageEtag();
  return async (c, next) => {
    const { pages: store, clock } = c.get('deps');
    if (!store) return plain(c, next);
    const scopeId = scope === 'shop' ? c.get('shop').shop.id : PLATFORM_CONTENT_SCOPE;
    const version = await readContentVersion(c.get('deps').db, scopeId);
    const key = pageKey(c.req);
    const now = clock.now().getTime();
    const stored = store.get(key, version, now);
    if (stored) return serve(c, store, stored, scope, 'hit');

    const waiting = inflightOf(store);
    const flight = `${version}\n${key}`;
    const pending = waiting.get(flight);
    // Checked and claimed without an await in between, or every waiter would render.
    if (pending) {
      const rendered = await pending;
      if (rendered) return serve(c, store, rendered, scope, 'hit');
    }

    let page: StoredPage | undefined;
    let settle: (p: StoredPage | undefined) => void = () => {};
    waiting.set(flight, new Promise((resolve) => (settle = resolve)));
    try {
      c.set('cartSlot', store.cartSlot);
      await next();
      const res = c.res;
      const keep =
        res.status === 200 &&
        res.headers.get('cache-control') === CACHE_PAGE &&
        (res.headers.get('content-type') ?? '').startsWith('text/html');
      if (keep) {
        // The string `c.render` made; reading the response back is the slow way.
        const html = c.get('renderedHtml') ?? (await res.text());
        const at = { scope: scopeId, version, now };
        page = store.put(key, at, html, escapeHtml(c.get('t')('nav.cart')));
      }
    } finally {
      waiting.delete(flight);
      settle(page);
    }
    if (page) return serve(c, store, page, scope, 'miss');
    await passThrough(c, store, scope);
  };
}
