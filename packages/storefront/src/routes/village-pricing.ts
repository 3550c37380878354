import {
  type CartPricer,
  chooseBuyerCurrency,
  loadPricer,
  type Pricer,
  type ShopView,
  type VillageProductSummary,
  type VillageView,
} from '@aldea/core';
import type { Context } from 'hono';
import { PLATFORM_CURRENCIES } from '../components/layout.js';
import { shownPrice } from '../components/price.js';
import type { GridItem } from '../components/product-grid.js';
import type { AppEnv } from '../env.js';

/** Prices for a page that shows products of several shops of one village. */
export interface VillagePricing {
  /** The currency the page is shown in (the buyer's choice, or a guess from their language). */
  currency: string;
  /** Loads the pricers of the shops of `items` not loaded yet (at most 3 statements per shop). */
  load(items: readonly VillageProductSummary[]): Promise<void>;
  /** The pricer of a loaded shop. */
  pricerOf(shopId: string): CartPricer;
  /** The pricers loaded so far (for the honesty note of converted prices). */
  loaded(): Pricer[];
}

/**
 * Each shop prices its own products: in the page's currency when the shop
 * offers it, otherwise in the shop's best alternative (every price says its
 * currency). The shops come from `listVillageShops`, which already read them,
 * so their contexts are made here without reading them again; SQL grows with
 * the number of distinct shops on the page, never with the number of products.
 */
export function villagePricing(
  c: Context<AppEnv>,
  village: VillageView,
  shops: readonly ShopView[],
): VillagePricing {
  const prefs = c.get('prefs');
  const platform = c.get('platform');
  const currency = chooseBuyerCurrency({
    explicit: prefs.currency,
    acceptLanguage: prefs.acceptLanguage,
    shop: { baseCurrency: village.defaultCurrency, buyerCurrencies: [...PLATFORM_CURRENCIES] },
  });
  const byId = new Map(shops.map((s) => [s.id, s]));
  const pricers = new Map<string, Pricer>();
  return {
    currency,
    async load(items) {
      const missing = [...new Set(items.map((i) => i.shop.id))].filter((id) => !pricers.has(id));
      await Promise.all(
        missing.map(async (id) => {
          const shop = byId.get(id);
          if (!shop) return;
          const ctx = { ...platform, shop, role: 'buyer' as const };
          const shopCurrency = chooseBuyerCurrency({
            explicit: currency,
            acceptLanguage: prefs.acceptLanguage,
            shop,
          });
          pricers.set(id, await loadPricer(ctx, shopCurrency));
        }),
      );
    },
    loaded: () => [...pricers.values()],
    pricerOf(shopId) {
      const pricer = pricers.get(shopId);
      if (!pricer) throw new Error(`no pricer loaded for shop ${shopId}`);
      return pricer;
    },
  };
}

/** Grid cards of village products, each priced by its own shop. */
export function villageGridItems(
  c: Context<AppEnv>,
  pricing: VillagePricing,
  items: readonly VillageProductSummary[],
): GridItem[] {
  const links = c.get('links');
  return items.map((product) => ({
    product,
    price: shownPrice(pricing.pricerOf(product.shop.id), product.variants),
    href: links.shopOf(product.shop.slug, `/p/${product.slug}`),
    shopName: product.shop.name,
  }));
}
