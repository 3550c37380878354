import type { MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../env.js';

/**
 * Sends anyone not signed in to the sign-in page (303, so a POST becomes a GET),
 * remembering where they were going when it was a page.
 */
export function requireUser(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.get('session')) return next();
    const links = c.get('links');
    const next_ = c.req.method === 'GET' ? c.req.path : undefined;
    return c.redirect(links.login(next_), 303);
  };
}
