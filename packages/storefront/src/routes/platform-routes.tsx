import {
  findVillageBySlug,
  listShopLogos,
  listVillageProducts,
  listVillageShops,
  listVillages,
  notFound,
  searchVillageProducts,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { Ui } from '../components/ui.js';
import type { AppEnv } from '../env.js';
import { cachePage } from '../http/cache.js';
import { cachedPage } from '../http/page-cache.js';
import { pageEtag } from '../http/page-etag.js';
import { HomePage } from '../pages/home-page.js';
import { SearchPage } from '../pages/search-page.js';
import { VillagePage } from '../pages/village-page.js';
import { priceNote } from './price-note.js';
import {
  collectFiltered,
  filterParams,
  matchesFilters,
  readSearchFilters,
} from './search-params.js';
import { uiOf } from './shop-data.js';
import { PAGE_SIZE } from './shop-routes.js';
import { type VillagePricing, villageGridItems, villagePricing } from './village-pricing.js';

/** How many products the village page shows (a selection; search shows them all). */
export const VILLAGE_SELECTION = 12;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function villageOf(c: Context<AppEnv>) {
  const slug = c.req.param('village') ?? '';
  const village =
    SLUG.test(slug) && slug.length <= 64
      ? await findVillageBySlug(c.get('platform'), slug)
      : undefined;
  if (!village) throw notFound('village');
  return village;
}

/** The honesty note of a village listing: the first shop's whose prices were converted. */
function villagePriceNote(ui: Ui, pricing: VillagePricing): string | undefined {
  for (const pricer of pricing.loaded()) {
    const note = priceNote(ui, pricer);
    if (note) return note;
  }
  return undefined;
}

/** The platform pages: home (villages), village pages and village search. */
export function platformRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', cachedPage('platform'), async (c) => {
    const ui = uiOf(c);
    const villages = await listVillages(c.get('platform'));
    cachePage(c);
    return c.render(<HomePage ui={ui} villages={villages} />, {
      title: ui.t('home.title'),
      description: ui.t('home.intro'),
    });
  });

  app.get('/v/:village', cachedPage('platform'), async (c) => {
    const platform = c.get('platform');
    const village = await villageOf(c);
    const [shops, page] = await Promise.all([
      listVillageShops(platform, village.id),
      listVillageProducts(platform, village.id, { limit: VILLAGE_SELECTION }),
    ]);
    const ui = uiOf(c);
    const pricing = villagePricing(c, village, shops);
    const [logos] = await Promise.all([
      listShopLogos(
        platform,
        shops.map((s) => s.id),
      ),
      pricing.load(page.items),
    ]);
    const links = c.get('links');
    cachePage(c);
    return c.render(
      <VillagePage
        ui={ui}
        village={village}
        shops={shops}
        logos={logos}
        items={villageGridItems(c, pricing, page.items)}
        searchAction={links.platform(`/v/${village.slug}/search`) ?? ''}
        shopHref={(slug) => links.shopOf(slug)}
        priceNote={villagePriceNote(ui, pricing)}
      />,
      {
        title: village.name,
        description: village.story.slice(0, 200) || village.region,
        currency: pricing.currency,
        crumbs: [
          { label: ui.t('nav.villages'), href: links.platform('/') },
          { label: village.name },
        ],
      },
    );
  });

  app.get('/v/:village/search', pageEtag(), async (c) => {
    const platform = c.get('platform');
    const village = await villageOf(c);
    const shops = await listVillageShops(platform, village.id);
    const ui = uiOf(c);
    const cursor = c.req.query('cursor') || undefined;
    const pricing = villagePricing(c, village, shops);
    // Prices typed in the filters are in the currency the page shows.
    const filters = readSearchFilters((k) => c.req.query(k), pricing.currency);
    const page = await collectFiltered(
      (at) => {
        const opts = { limit: PAGE_SIZE, ...(at ? { cursor: at } : {}) };
        return filters.q
          ? searchVillageProducts(platform, village.id, { q: filters.q, ...opts })
          : listVillageProducts(platform, village.id, opts);
      },
      async (items) => {
        await pricing.load(items);
        return items.filter((p) => matchesFilters(p, filters, pricing.pricerOf(p.shop.id)));
      },
      cursor,
      PAGE_SIZE,
    );
    const links = c.get('links');
    const params = filterParams(filters);
    const base = `/v/${village.slug}/search`;
    cachePage(c);
    return c.render(
      <SearchPage
        ui={ui}
        heading={ui.t('village.search', { name: village.name })}
        action={links.platform(base) ?? base}
        filters={filters}
        currency={pricing.currency}
        items={villageGridItems(c, pricing, page.items)}
        nextHref={
          page.nextCursor ? links.platform(base, { ...params, cursor: page.nextCursor }) : undefined
        }
        firstHref={cursor ? links.platform(base, params) : undefined}
        priceNote={villagePriceNote(ui, pricing)}
      />,
      {
        title: filters.q ? ui.t('search.titleFor', { q: filters.q }) : ui.t('search.title'),
        index: false,
        currency: pricing.currency,
        crumbs: [
          { label: ui.t('nav.villages'), href: links.platform('/') },
          { label: village.name, href: links.platform(`/v/${village.slug}`) },
          { label: ui.t('search.title') },
        ],
      },
    );
  });

  return app;
}
