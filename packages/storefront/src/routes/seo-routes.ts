import {
  findVillageBySlug,
  listCollections,
  listProducts,
  listVillageShops,
  listVillages,
  notFound,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { cachePublic } from '../http/cache.js';
import { loadShop } from '../middleware/load-shop.js';
import { robotsTxt, SITEMAP_MAX_URLS, sitemapXml } from '../seo/sitemap.js';

/** Products listed per shop sitemap (at most 100 catalog pages of 100). */
export const SITEMAP_MAX_PRODUCTS = 10_000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function xml(c: Context<AppEnv>, body: string) {
  cachePublic(c);
  c.header('Content-Type', 'application/xml; charset=utf-8');
  return c.body(body);
}

/** `/sitemap.xml` of a shop (inside the shop routes): home, collections and products. */
export function shopSitemapRoute(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/sitemap.xml', async (c) => {
    const ctx = c.get('shop');
    const links = c.get('links');
    const root = links.mode === 'host' ? '' : `/s/${ctx.shop.slug}`;
    const url = (path: string) => links.absolute(`${root}${path}` || '/');
    const pages = [url('')];
    for (const col of await listCollections(ctx)) pages.push(url(`/c/${col.slug}`));
    let cursor: string | undefined;
    while (pages.length < SITEMAP_MAX_PRODUCTS) {
      const page = await listProducts(ctx, { limit: 100, ...(cursor ? { cursor } : {}) });
      for (const p of page.items) pages.push(url(`/p/${p.slug}`));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return xml(c, sitemapXml(pages));
  });
  return app;
}

/** `/robots.txt` and `/v/:village/sitemap.xml` on the platform host. */
export function platformSeoRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/robots.txt', async (c) => {
    const platform = c.get('platform');
    const links = c.get('links');
    const sitemaps: string[] = [];
    for (const village of await listVillages(platform)) {
      sitemaps.push(links.absolute(`/v/${village.slug}/sitemap.xml`));
      for (const shop of await listVillageShops(platform, village.id)) {
        if (sitemaps.length < SITEMAP_MAX_URLS) {
          sitemaps.push(links.absolute(`/s/${shop.slug}/sitemap.xml`));
        }
      }
    }
    cachePublic(c);
    return c.text(robotsTxt({ disallow: ['/s/*/cart', '/s/*/search', '/v/*/search'], sitemaps }));
  });

  app.get('/v/:village/sitemap.xml', async (c) => {
    const platform = c.get('platform');
    const slug = c.req.param('village');
    const village = SLUG.test(slug) ? await findVillageBySlug(platform, slug) : undefined;
    if (!village) throw notFound('village');
    const links = c.get('links');
    const pages = [links.absolute(`/v/${village.slug}`)];
    for (const shop of await listVillageShops(platform, village.id)) {
      pages.push(links.absolute(`/s/${shop.slug}`));
    }
    return xml(c, sitemapXml(pages));
  });

  return app;
}

/** `/robots.txt` on a shop's own host: its one sitemap. */
export function shopHostRobotsRoute(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/robots.txt', loadShop(), (c) => {
    cachePublic(c);
    return c.text(
      robotsTxt({
        disallow: ['/cart', '/search'],
        sitemaps: [c.get('links').absolute('/sitemap.xml')],
      }),
    );
  });
  return app;
}
