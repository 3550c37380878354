import {
  AldeaError,
  hasScope,
  notFound,
  type PlatformApiScope,
  platformTokenContext,
  type ShopApiScope,
  type ShopContext,
  shopContext,
} from '@aldea/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../env.js';

type WithShop = { Variables: { shop: ShopContext } };

function requireToken(c: Context<ApiEnv>) {
  const auth = c.get('auth');
  if (auth.kind !== 'token') {
    throw new AldeaError(
      'UNAUTHENTICATED',
      'this operation needs an API token: send "Authorization: Bearer <token>"',
    );
  }
  return auth.token;
}

/**
 * For `/v1/admin/shops/{shop}/…`: a live token of exactly that shop (any other
 * shop is a 404 that confirms nothing) with `scope` (else 403). Sets `shop`,
 * acting as the token — core's `authorize` then checks the role its scopes map to.
 */
export function tokenShop(scope: ShopApiScope): MiddlewareHandler<ApiEnv & WithShop> {
  return async (c, next) => {
    const token = requireToken(c);
    const ctx = await shopContext(c.get('platform'), c.req.param('shop') ?? '');
    if (ctx.role === 'none') throw notFound('shop');
    if (!hasScope(token.scopes, scope)) {
      throw new AldeaError('FORBIDDEN', `this token does not have the ${scope} scope`);
    }
    c.set('shop', ctx);
    await next();
  };
}

/**
 * For public `/v1/shops/{shop}/…`: the shop by id or slug, seen as an
 * anonymous buyer whatever token is sent; only live shops exist here.
 */
export function publicShop(): MiddlewareHandler<ApiEnv & WithShop> {
  return async (c, next) => {
    const buyer = { ...c.get('platform'), actor: { kind: 'buyer' as const } };
    const ctx = await shopContext(buyer, c.req.param('shop') ?? '');
    if (ctx.shop.status !== 'live') throw notFound('shop');
    c.set('shop', ctx);
    await next();
  };
}

/** For operator endpoints: a platform token with `scope`; `platform` then acts for it. */
export function platformToken(scope: PlatformApiScope): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = requireToken(c);
    c.set('platform', await platformTokenContext(c.get('platform'), token, scope));
    await next();
  };
}
