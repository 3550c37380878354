import {
  type CartPricer,
  countCartItems,
  getShopImages,
  getShopView,
  loadPricer,
  type Pricer,
  type ProductSummary,
  type ShopImages,
  type ShopView,
} from '@aldea/core';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { PageMeta } from '../components/page-meta.js';
import { shownPrice } from '../components/price.js';
import type { GridItem } from '../components/product-grid.js';
import type { Ui } from '../components/ui.js';
import type { AppEnv } from '../env.js';

/** The cookie holding the buyer's cart token (one token, a cart per shop). */
export const CART_COOKIE = 'aldea_cart';

/** The buyer's cart token from the cookie, if any (format is checked by core). */
export function cartToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, CART_COOKIE);
}

/** What every shop page needs besides its own data: texts, pricer, cart size, logo and banner. */
export interface ShopFrame {
  ui: Ui;
  view: ShopView;
  pricer: Pricer;
  cartCount: number;
  images: ShopImages;
}

/** Loads the shop frame; a bounded, page-size-independent number of statements. */
export async function loadShopFrame(c: Context<AppEnv>): Promise<ShopFrame> {
  const ctx = c.get('shop');
  const [view, pricer, cartCount, images] = await Promise.all([
    getShopView(ctx),
    loadPricer(ctx, c.get('currency')),
    // Rendering for the page cache: the cart label is put in per buyer afterwards.
    c.get('cartSlot') ? 0 : countCartItems(ctx, cartToken(c)),
    getShopImages(ctx),
  ]);
  return { ui: uiOf(c), view, pricer, cartCount, images };
}

/** The UI bundle of a request. */
export function uiOf(c: Context<AppEnv>): Ui {
  return { t: c.get('t'), locale: c.get('prefs').locale, links: c.get('links') };
}

/** Layout fields shared by every page of a shop. */
export function shopMeta(
  c: Context<AppEnv>,
  frame: ShopFrame,
): Pick<PageMeta, 'shop' | 'currency' | 'currencies'> {
  const links = c.get('links');
  return {
    shop: {
      name: frame.view.name,
      href: links.shop(),
      cartHref: links.shop('/cart'),
      cartCount: frame.cartCount,
      logo: frame.images.logo ?? undefined,
    },
    currency: frame.pricer.currency,
    currencies: c.get('shop').shop.buyerCurrencies,
  };
}

/** Grid cards of a shop's products, priced with the shop's pricer. */
export function gridItems(
  c: Context<AppEnv>,
  pricer: CartPricer,
  products: readonly ProductSummary[],
): GridItem[] {
  const links = c.get('links');
  return products.map((product) => ({
    product,
    price: shownPrice(pricer, product.variants),
    href: links.shop(`/p/${product.slug}`),
  }));
}
