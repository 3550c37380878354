import {
  addToCart,
  loadPricer,
  removeCartLine,
  type Translate,
  updateCartLine,
  viewCart,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.js';
import { noStore } from '../http/cache.js';
import { formFields } from '../http/form-fields.js';
import { bodyLimitGuard } from '../http/guards.js';
import type { MessageKey } from '../messages/index.js';
import { type CartNotice, CartPage } from '../pages/cart-page.js';
import { CART_COOKIE, cartToken, loadShopFrame, shopMeta } from './shop-data.js';

const SIXTY_DAYS_S = 60 * 24 * 3600;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Keeps the cart token in a cookie scoped to the shop (`Path=/s/{shop}`, or `/`
 * on the shop's own host): each shop has its own cart and token, and a shop's
 * pages never receive another shop's token.
 */
function keepCart(c: Context<AppEnv>, token: string): void {
  if (token === cartToken(c)) return;
  setCookie(c, CART_COOKIE, token, {
    path: c.get('mode') === 'host' ? '/' : `/s/${c.get('shop').shop.slug}`,
    maxAge: SIXTY_DAYS_S,
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
  });
}

/** The cart forms' fields, trimmed ('' when absent or a file). */
async function formOf(c: Context<AppEnv>): Promise<(name: string) => string> {
  const fields = await formFields(c, ['variantId', 'quantity', 'lineId', 'product']);
  return (name) => fields[name] ?? '';
}

/** A whole number typed in a form, or NaN (which core's validation refuses, naming the field). */
function quantityOf(text: string): number {
  return /^-?\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
}

function cartNotice(c: Context<AppEnv>, t: Translate<MessageKey>): CartNotice | undefined {
  if (c.req.query('updated') === '1') return { kind: 'ok', text: t('cart.updated') };
  if (c.req.query('removed') === '1') return { kind: 'ok', text: t('cart.removed') };
  if (c.req.query('error') === 'stock') {
    const left = Number(c.req.query('left'));
    const count = Number.isSafeInteger(left) && left > 0 && left < 1e6 ? left : 0;
    return { kind: 'bad', text: count ? t.plural('cart.notEnough', count) : t('cart.soldOut') };
  }
  return undefined;
}

/**
 * The cart page and its three forms (add, update, remove). Each POST changes
 * the cart through core and redirects (303) to a page that says what happened:
 * back to the product after adding, to the cart otherwise (post/redirect/get).
 * Cross-site posts are refused (`hono/csrf`); bodies are small.
 */
export function cartRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/cart/*', csrf(), bodyLimitGuard(8 * 1024));

  app.get('/cart', async (c) => {
    const frame = await loadShopFrame(c);
    const cart = await viewCart(c.get('shop'), cartToken(c), frame.pricer);
    const links = c.get('links');
    noStore(c);
    return c.render(
      <CartPage
        ui={frame.ui}
        cart={cart}
        notice={cartNotice(c, frame.ui.t)}
        updateAction={links.shop('/cart/update')}
        removeAction={links.shop('/cart/remove')}
        checkoutHref={links.shop('/checkout')}
        continueHref={links.shop()}
        productHref={(slug) => links.shop(`/p/${slug}`)}
      />,
      {
        ...shopMeta(c, frame),
        title: frame.ui.t('cart.title'),
        index: false,
        crumbs: [
          { label: frame.view.name, href: links.shop() },
          { label: frame.ui.t('cart.title') },
        ],
      },
    );
  });

  app.post('/cart/add', async (c) => {
    const ctx = c.get('shop');
    const field = await formOf(c);
    const product = field('product');
    const pricer = await loadPricer(ctx, c.get('currency'));
    const result = await addToCart(
      ctx,
      cartToken(c),
      { variantId: field('variantId'), quantity: quantityOf(field('quantity')) },
      pricer,
    );
    const links = c.get('links');
    const back = (params: Record<string, string>) =>
      SLUG.test(product) && product.length <= 200
        ? links.shop(`/p/${product}`, params)
        : links.shop('/cart', params);
    if (result.ok) {
      keepCart(c, result.token);
      return c.redirect(back({ added: '1', variant: field('variantId') }), 303);
    }
    if (result.reason === 'OUT_OF_STOCK') {
      return c.redirect(back({ error: 'stock', left: String(result.available) }), 303);
    }
    return c.redirect(back({ error: 'full' }), 303);
  });

  app.post('/cart/update', async (c) => {
    const ctx = c.get('shop');
    const field = await formOf(c);
    const pricer = await loadPricer(ctx, c.get('currency'));
    const result = await updateCartLine(
      ctx,
      cartToken(c),
      { lineId: field('lineId'), quantity: quantityOf(field('quantity')) },
      pricer,
    );
    const links = c.get('links');
    return c.redirect(
      result.ok
        ? links.shop('/cart', { updated: '1' })
        : links.shop('/cart', { error: 'stock', left: String(result.available) }),
      303,
    );
  });

  app.post('/cart/remove', async (c) => {
    const field = await formOf(c);
    await removeCartLine(c.get('shop'), cartToken(c), { lineId: field('lineId') });
    return c.redirect(c.get('links').shop('/cart', { removed: '1' }), 303);
  });

  return app;
}
