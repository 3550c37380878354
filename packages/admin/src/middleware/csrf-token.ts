import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../env.js';
import { readForm } from '../http/form.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when the request carries the context's CSRF token (form field `_csrf` or X-CSRF-Token). */
export async function hasCsrfToken(c: Context<AdminEnv>): Promise<boolean> {
  const expected = c.get('csrfToken');
  const header = c.req.header('x-csrf-token');
  const sent = header ?? (await readForm(c)).fields._csrf;
  return typeof sent === 'string' && expected.length > 0 && same(sent, expected);
}

/**
 * The second CSRF layer, after the Origin check: every state change must echo
 * the per-session token (or, before sign-in, the double-submit cookie's). A
 * form from another site cannot know it. Refused with 403 and a page that
 * says to reload.
 */
export function csrfToken(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (await hasCsrfToken(c)) return next();
    const { renderCsrfRefusal } = await import('../http/on-error.js');
    return renderCsrfRefusal(c);
  };
}
