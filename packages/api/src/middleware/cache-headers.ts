import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../env.js';

/**
 * Caching of successful GETs: always revalidate (`no-cache`) with the ETag,
 * so a client pays a 304 instead of the body when nothing changed. Token
 * responses are `private` and vary by the token; public ones vary by language.
 * Everything else is `no-store`.
 */
export function cacheHeaders(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) {
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
      return;
    }
    const byToken = c.get('auth')?.kind === 'token' && /\/v1\/(admin|fx)\//.test(c.req.path);
    c.res.headers.set('Cache-Control', byToken ? 'private, no-cache' : 'public, no-cache');
    c.res.headers.set('Vary', byToken ? 'Authorization' : 'Accept-Language');
  };
}
