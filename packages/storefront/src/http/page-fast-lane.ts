import { randomUUID } from 'node:crypto';
import { knownContentVersion } from '@aldea/core';
import type { Hono, MiddlewareHandler } from 'hono';
import { getPath } from 'hono/utils/url';
import type { StorefrontDeps } from '../env.js';
import { CART_COOKIE } from '../routes/shop-data.js';
import { pageVersion } from './page-cache.js';
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
interface LaneRequest extends PageRequest {
  method: string;
  path: string;
}

/**
 * The stored page this request may be answered with, if its content version
 * still stands: one whose full response went out (so its headers are known),
 * and, for a buyer with a cart, one without a cart count in it (the page
 * middleware puts theirs in).
 */
function candidate(
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
function storedResponse(
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
 * The storefront's own `fetch` ({@link frontDoor}) answers most of these before
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
    if (page && (await pageVersion(deps.db, page.scope)) === page.version) {
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

/** A raw request as the lane reads it. */
class RawLaneRequest implements LaneRequest {
  readonly method: string;
  readonly url: string;
  constructor(private readonly request: Request) {
    this.method = request.method;
    this.url = request.url;
  }
  get path(): string {
    return getPath(this.request);
  }
  header(name: string): string | undefined {
    return this.request.headers.get(name) ?? undefined;
  }
}

/** Answers a request from the page store in the same turn, or says it cannot. */
type StoredAnswer = (request: Request) => Response | undefined;

/** Each storefront's {@link StoredAnswer}, for the apps it is mounted in. */
const answers = new WeakMap<Hono, StoredAnswer>();

/** Wraps `app.fetch` so that `answer` goes first. */
function wrapFetch(app: Hono, answer: StoredAnswer): void {
  const fetch = app.fetch;
  app.fetch = (request, env, executionCtx) => answer(request) ?? fetch(request, env, executionCtx);
}

/**
 * Puts the fast lane in front of `app` itself: its `fetch` answers a stored
 * page whose content version is known without a read (see core's
 * `knownContentVersion`: read since the last commit) in the same turn, before
 * Hono routes anything; the Node adapter then writes it straight out. Every
 * other request goes to the app as before, where `pageFastLane` reads the
 * version and keeps the headers of new pages.
 */
export function frontDoor(deps: StorefrontDeps, app: Hono): void {
  if (!deps.pages) return;
  const answer: StoredAnswer = (request) => {
    const method = request.method;
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    const started = performance.now();
    const req = new RawLaneRequest(request);
    const cookies = cookiesOf(req);
    const page = candidate(deps, pageKey(req, cookies), cookies);
    if (!page || knownContentVersion(deps.db, page.scope) !== page.version) return undefined;
    return storedResponse(deps, req, page, started);
  };
  answers.set(app, answer);
  wrapFetch(app, answer);
}

/**
 * Puts `storefront`'s front door in front of `app`, the app it is mounted in
 * (`app.route('/', storefront)` copies its routes and middleware, not its
 * `fetch`). Only pages the storefront stored are answered there, by their full
 * address, so the app's other routes are untouched; but middleware of `app`'s
 * own does not run for them. Does nothing for a storefront without a page cache.
 *
 * @example
 * const app = new Hono();
 * app.route('/admin', createAdmin({ db, storage }));
 * const storefront = createStorefront({ db, storage });
 * app.route('/', storefront);
 * storefrontFrontDoor(app, storefront);
 */
export function storefrontFrontDoor(app: Hono, storefront: Hono): void {
  const answer = answers.get(storefront);
  if (answer) wrapFetch(app, answer);
}
