import { authorize, notFound, shopContext } from '@aldea/core';
import type { MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../env.js';

/**
 * Resolves `:shopId` into the shop context acting as the signed-in user. A shop
 * the user has no role in is a 404 — whether or not it exists.
 */
export function loadShop(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const id = c.req.param('shopId');
    if (!id || !/^shop_[0-9a-z]{10,40}$/.test(id)) throw notFound('shop');
    const shop = await shopContext(c.get('platform'), id);
    authorize(shop, 'shop.read');
    c.set('shop', shop);
    await next();
  };
}
