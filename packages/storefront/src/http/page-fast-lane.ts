import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { StorefrontDeps } from '../env.js';
import { CART_COOKIE } from '../routes/shop-data.js';
import { pageVersion } from './page-cache.js';
import { cookieOf, pageKey } from './page-key.js';
import { representPage } from './page-response.js';
import type { ReplayHeaders, StoredPage } from './page-store.js';

/** Headers made per request, never replayed from a stored response. */
const PER_REQUEST = new Set([
  'x-request-id',
  'x-aldea-cache',
  'etag',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'set-cookie',
]);

function replayable(res: Response): ReplayHeaders {
  const single: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!PER_REQUEST.has(name)) single[name] = value;
  });
  return { single, cookies: res.headers.getSetCookie() };
}

/** The incoming request id when well-formed (as `hono/request-id` decides), else a new one. */
function requestIdOf(header: string | undefined): string {
  return header && header.length <= 255 && !/[^\w\-=]/.test(header) ? header : randomUUID();
}

/** The stored page this request may have from the fast lane, checked against the database. */
async function servable(
  deps: StorefrontDeps,
  page: StoredPage | undefined,
  hasCart: boolean,
): Promise<boolean> {
  // A buyer with a cart needs their count: the page middleware puts it in.
  if (!page?.headers || (page.cart && hasCart)) return false;
  return (await pageVersion(deps.db, page.scope)) === page.version;
}

/**
 * The storefront's first middleware: a catalogue page someone has seen, still
 * at its content version, goes straight back to a buyer without a cart, with
 * the headers its full response had (security headers, cache policy, the
 * language cookies its address sets) and a request id and log line of its own,
 * without running the rest of the app. Anything else (a miss, a buyer with a
 * cart, a POST) goes on to the full app, whose response headers are kept for
 * next time. One content-version read per view, none between two commits.
 */
export function pageFastLane(deps: StorefrontDeps): MiddlewareHandler {
  return async (c, next) => {
    const store = deps.pages;
    const method = c.req.method;
    if (!store || (method !== 'GET' && method !== 'HEAD')) return next();
    const started = performance.now();
    const key = pageKey(c.req);
    const page = store.peek(key, deps.clock.now().getTime());
    if (page && (await servable(deps, page, cookieOf(c.req, CART_COOKIE) !== undefined))) {
      const out = representPage(store, page, {
        label: undefined,
        ifNoneMatch: c.req.header('if-none-match'),
        acceptEncoding: c.req.header('accept-encoding') ?? '',
      });
      const requestId = requestIdOf(c.req.header('x-request-id'));
      const headers: Record<string, string> = {
        ...page.headers!.single,
        'x-request-id': requestId,
        'x-aldea-cache': 'hit',
        etag: out.etag,
      };
      if (out.gzip && out.body) headers['content-encoding'] = 'gzip';
      const cookies = page.headers!.cookies;
      deps.logger.info('request', {
        requestId,
        method,
        path: c.req.path.slice(0, 200),
        status: out.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        cache: 'fast',
      });
      return new Response(out.body, {
        status: out.status,
        // A plain object is the Node adapter's fastest path; Set-Cookie needs a list.
        headers:
          cookies.length === 0
            ? headers
            : [
                ...Object.entries(headers),
                ...cookies.map((v): [string, string] => ['set-cookie', v]),
              ],
      });
    }
    await next();
    const res = c.res;
    if (res.status === 200 && res.headers.has('x-aldea-cache')) {
      const kept = store.peek(key, deps.clock.now().getTime());
      if (kept && !kept.headers) kept.headers = replayable(res);
    }
  };
}
