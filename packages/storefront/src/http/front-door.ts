import { knownContentVersion } from '@aldea/core';
import type { Hono } from 'hono';
import { getPath } from 'hono/utils/url';
import type { StorefrontDeps } from '../env.js';
import { candidate, type LaneRequest, storedResponse } from './page-fast-lane.js';
import { cookiesOf, pageKey } from './page-key.js';

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
