import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env.js';
import { renderError } from './on-error.js';

/** Longest URL (path and query) we read; real links are far shorter. */
export const MAX_URL_LENGTH = 4096;

/** Refuses absurdly long URLs with the 400 page before any route parses them. */
export function urlLengthGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    if (url.length - start > MAX_URL_LENGTH) return renderError(c, 400);
    await next();
  };
}

/**
 * `hono/body-limit` without its cost on the common case: a request that
 * declares its length (every browser form post) is checked by the header and
 * its body left alone, so the Node adapter can still read it straight from
 * the socket (reaching for `req.raw.body`, as the stock middleware always
 * does, turns it into a web stream first). Chunked bodies go through the
 * stock middleware, which counts as it reads.
 */
export function bodyLimitGuard(maxSize: number): MiddlewareHandler<AppEnv> {
  const counting = bodyLimit({ maxSize });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return counting(c, next);
    }
    if (!/^\d{1,15}$/.test(length) || Number(length) > maxSize) {
      throw new HTTPException(413, { res: new Response('Payload Too Large', { status: 413 }) });
    }
    await next();
  };
}
