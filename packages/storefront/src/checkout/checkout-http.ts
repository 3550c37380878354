import type { PaymentGateway, PaymentLinks } from '@aldea/core';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.js';

/** The cookie holding the buyer's checkout token (scoped to the shop, like the cart's). */
export const CHECKOUT_COOKIE = 'aldea_checkout';

function cookiePath(c: Context<AppEnv>): string {
  return c.get('mode') === 'host' ? '/' : `/s/${c.get('shop').shop.slug}`;
}

/** The checkout token from the cookie, if any (its format is checked by core). */
export function checkoutToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, CHECKOUT_COOKIE);
}

/** Remembers the checkout for a day (HttpOnly, SameSite=Lax, Secure behind HTTPS). */
export function keepCheckoutToken(c: Context<AppEnv>, token: string): void {
  if (token === checkoutToken(c)) return;
  setCookie(c, CHECKOUT_COOKIE, token, {
    path: cookiePath(c),
    maxAge: 24 * 3600,
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
  });
}

/** Forgets the checkout (it became an order). */
export function clearCheckoutToken(c: Context<AppEnv>): void {
  deleteCookie(c, CHECKOUT_COOKIE, { path: cookiePath(c) });
}

/** The payment providers and public links core needs for this request. */
export function paymentDeps(c: Context<AppEnv>): { gateway: PaymentGateway; links: PaymentLinks } {
  const deps = c.get('deps');
  return {
    gateway: deps.payments,
    links: { publicUrl: deps.publicUrl ?? new URL(c.req.url).origin },
  };
}
