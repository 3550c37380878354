import type { MiddlewareHandler } from 'hono';
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
