import { listProducts, searchProducts } from '@aldea/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { cachePage } from '../http/cache.js';
import { pageEtag } from '../http/page-etag.js';
import { SearchPage } from '../pages/search-page.js';
import { priceNote } from './price-note.js';
import {
  catalogFilters,
  collectFiltered,
  filterParams,
  matchesFilters,
  readSearchFilters,
} from './search-params.js';
import { gridItems, loadShopFrame, shopMeta } from './shop-data.js';
import { PAGE_SIZE } from './shop-routes.js';

/**
 * `/search` in a shop: full-text search (Chinese and Spanish alike) with
 * filters; without a query it lists the shop's products through the same
 * filters. Stock and kind are applied in SQL; the price range, which depends on
 * the buyer's currency, after it (see `collectFiltered`).
 */
export function shopSearchRoute(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/search', pageEtag(), async (c) => {
    const ctx = c.get('shop');
    const frame = await loadShopFrame(c);
    const filters = readSearchFilters((k) => c.req.query(k), frame.pricer.currency);
    const cursor = c.req.query('cursor') || undefined;
    const sqlFilters = catalogFilters(filters);
    const page = await collectFiltered(
      (at) =>
        filters.q
          ? searchProducts(ctx, {
              q: filters.q,
              limit: PAGE_SIZE,
              ...sqlFilters,
              ...(at ? { cursor: at } : {}),
            })
          : listProducts(ctx, { limit: PAGE_SIZE, ...sqlFilters, ...(at ? { cursor: at } : {}) }),
      (items) => items.filter((p) => matchesFilters(p, filters, frame.pricer)),
      cursor,
      PAGE_SIZE,
    );
    const links = c.get('links');
    const params = filterParams(filters);
    cachePage(c);
    return c.render(
      <SearchPage
        ui={frame.ui}
        heading={frame.ui.t('shop.search')}
        action={links.shop('/search')}
        filters={filters}
        currency={frame.pricer.currency}
        items={gridItems(c, frame.pricer, page.items)}
        nextHref={
          page.nextCursor
            ? links.shop('/search', { ...params, cursor: page.nextCursor })
            : undefined
        }
        firstHref={cursor ? links.shop('/search', params) : undefined}
        priceNote={priceNote(frame.ui, frame.pricer)}
      />,
      {
        ...shopMeta(c, frame),
        title: filters.q
          ? frame.ui.t('search.titleFor', { q: filters.q })
          : frame.ui.t('search.title'),
        index: false,
        crumbs: [
          { label: frame.view.name, href: links.shop() },
          { label: frame.ui.t('search.title') },
        ],
      },
    );
  });
  return app;
}
