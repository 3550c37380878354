import { authorize, type ShopAction } from '@aldea/core';
import type { MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../env.js';

/** A route guard that says which shop action it needs (read by the access-control tests). */
export type RequiresHandler = MiddlewareHandler<AdminEnv> & { readonly action: ShopAction };

/**
 * Declares the shop action a route needs and checks it with core's
 * `authorize` before the handler runs: a member without the right gets 403,
 * anyone else 404. Every `/s/:shopId/…` route has one (a test checks).
 */
export function requires(action: ShopAction): RequiresHandler {
  const handler: MiddlewareHandler<AdminEnv> = async (c, next) => {
    authorize(c.get('shop'), action);
    await next();
  };
  return Object.assign(handler, { action });
}
