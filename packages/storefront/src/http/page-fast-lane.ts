import { randomUUID } from 'node:crypto';
import { readContentVersion } from '@aldea/core';
import type { MiddlewareHandler } from 'hono';
import type { StorefrontDeps } from '../env.js';
import { CART_COOKIE } from '../routes/shop-data.js';
import { cookiesOf, type PageRequest, pageKey } from './page-key.js';
import { representPage } from './page-response.js';
import type { LaneHeaders, ReplayHeaders, StoredPage } from './page-store.js';

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

/** A request as the lane reads it: Hono's `c.req`, or a raw `Request` at the front door. */
export interface LaneRequest extends PageRequest {
  method: string;
  path: string;
}

/**
 * The stored page this request may be answered with, if its content version
 * still stands: one whose full response went out (so its headers are known),
 * and, for a buyer with a cart, one without a cart count in it (the page
 * middleware puts theirs in).
 */
export function candidate(
  deps: StorefrontDeps,
  key: string,
  cookies: Readonly<Record<string, string>>,
): StoredPage | undefined {
  const page = deps.pages?.peek(key, deps.clock.now().getTime());
  if (!page?.headers || (page.cart && cookies[CART_COOKIE] !== undefined)) return undefined;
  return page;
}

/** Makes a stored page's {@link LaneHeaders}; see there why all names go in at once. */
function laneHeadersOf(page: StoredPage): LaneHeaders {
  const base = Object.entries(page.headers!.single);
  const make = (etag: string, encoding?: string) =>
    Object.fromEntries([
      ...base,
      ['x-request-id', ''],
      ['x-aldea-cache', 'hit'],
      ['etag', etag],
      ...(encoding ? [['content-encoding', encoding]] : []),
    ]);
  return {
    plain: make(page.etag),
    gzip: make(`W/${page.etag}`, 'gzip'),
    gzipNotModified: make(`W/${page.etag}`),
  };
}

/** The stored page's response for this request (200, or 304), with its own request id and log line. */
export function storedResponse(
  deps: StorefrontDeps,
  req: LaneRequest,
  page: StoredPage,
  started: number,
): Response {
  const out = representPage(deps.pages!, page, {
    label: undefined,
    ifNoneMatch: req.header('if-none-match'),
    acceptEncoding: req.header('accept-encoding') ?? '',
  });
  const requestId = requestIdOf(req.header('x-request-id'));
  const replay = page.headers!;
  page.laneHeaders ??= laneHeadersOf(page);
  const template = !out.gzip
    ? page.laneHeaders.plain
    : out.body
      ? page.laneHeaders.gzip
      : page.laneHeaders.gzipNotModified;
  const headers: Record<string, string> = { ...template, 'x-request-id': requestId };
  deps.logger.info('request', {
    requestId,
    method: req.method,
    path: req.path.slice(0, 200),
    status: out.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    cache: 'fast',
  });
  return new Response(req.method === 'HEAD' ? null : out.body, {
    status: out.status,
    // A plain object is the Node adapter's fastest path; Set-Cookie needs a list.
    headers:
      replay.cookies.length === 0
        ? headers
        : [
            ...Object.entries(headers),
            ...replay.cookies.map((v): [string, string] => ['set-cookie', v]),
          ],
  });
}

/**
 * The storefront's first middleware: a catalogue page someone has seen, still
 * at its content version, goes straight back to a buyer without a cart, with
 * the headers its full response had (security headers, cache policy, the
 * language cookies its address sets) and a request id and log line of its own,
 * without running the rest of the app. Anything else (a miss, a buyer with a
 * cart, a POST) goes on to the full app, whose response headers are kept for
 * next time. One content-version read per view, none between two commits.
 * The storefront's own `fetch` (`frontDoor`, front-door.ts) answers most of these before
 * this runs; this answers the rest, and the storefront mounted in another app.
 */
export function pageFastLane(deps: StorefrontDeps): MiddlewareHandler {
  return async (c, next) => {
    const store = deps.pages;
    const method = c.req.method;
    if (!store || (method !== 'GET' && method !== 'HEAD')) return next();
    const started = performance.now();
    const cookies = cookiesOf(c.req);
    const key = pageKey(c.req, cookies);
    const page = candidate(deps, key, cookies);
    if (page && (await readContentVersion(deps.db, page.scope)) === page.version) {
      return storedResponse(deps, c.req, page, started);
    }
    await next();
    const res = c.res;
    if (res.status === 200 && res.headers.has('x-aldea-cache')) {
      const kept = store.peek(key, deps.clock.now().getTime());
      if (kept && !kept.headers) kept.headers = replayable(res);
    }
  };
}
