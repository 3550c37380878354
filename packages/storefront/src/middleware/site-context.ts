import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, SiteMode, StorefrontDeps } from '../env.js';
import { type Links, makeLinks } from '../links.js';
import { buyerPrefs } from './buyer-prefs.js';

/** The link builder for this request, optionally inside shop `shopSlug`. */
export function linksFor(c: Context<AppEnv>, shopSlug?: string): Links {
  const { publicUrl } = c.get('deps');
  const url = new URL(c.req.url);
  const mode = c.get('mode');
  return makeLinks({
    mode,
    prefs: c.get('prefs'),
    url,
    origin: mode === 'path' && publicUrl ? publicUrl : url.origin,
    platformOrigin: publicUrl,
    ...(shopSlug ? { shopSlug } : {}),
  });
}

/**
 * Puts what every page needs on the context: the dependencies, how the shop is
 * addressed (`path` or `host`), the buyer's language and currency (see
 * `buyerPrefs`) and the link builder.
 */
export function siteContext(deps: StorefrontDeps, mode: SiteMode): MiddlewareHandler<AppEnv> {
  const prefs = buyerPrefs();
  return async (c, next) => {
    c.set('deps', deps);
    c.set('mode', mode);
    await prefs(c, async () => {
      c.set('links', linksFor(c));
      await next();
    });
  };
}
