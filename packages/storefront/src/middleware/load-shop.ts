import { chooseBuyerCurrency, notFound, shopContext } from '@aldea/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { linksFor } from './site-context.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Loads the shop of a shop route (the `:shop` path segment, or the shop host)
 * into `c.var.shop` with the buyer's currency for it. An unknown, malformed,
 * onboarding or paused shop is NOT_FOUND: the 404 page in the buyer's language.
 */
export function loadShop(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param('shop') ?? c.env?.aldeaHostShop;
    if (!slug || slug.length > 64 || !SLUG.test(slug)) throw notFound('shop');
    const ctx = await shopContext(c.get('platform'), slug);
    if (ctx.shop.status !== 'live') throw notFound('shop');
    const prefs = c.get('prefs');
    c.set('shop', ctx);
    c.set(
      'currency',
      chooseBuyerCurrency({
        explicit: prefs.currency,
        acceptLanguage: prefs.acceptLanguage,
        shop: ctx.shop,
      }),
    );
    c.set('links', linksFor(c, slug));
    await next();
  };
}
