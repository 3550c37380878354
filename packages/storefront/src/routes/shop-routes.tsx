import { getCollectionBySlug, listCollections, listProducts, notFound } from '@aldea/core';
import { Hono } from 'hono';
import { checkoutRoutes, orderRoutes } from '../checkout/index.js';
import { fallbackFile, mediaHref, type PictureImage } from '../components/picture.js';
import type { AppEnv } from '../env.js';
import { cachePage } from '../http/cache.js';
import { cachedPage } from '../http/page-cache.js';
import type { Links } from '../links.js';
import { loadShop } from '../middleware/load-shop.js';
import { CollectionPage } from '../pages/collection-page.js';
import { ShopPage } from '../pages/shop-page.js';
import { cartRoutes } from './cart-routes.js';
import { priceNote } from './price-note.js';
import { productRoute } from './product-route.js';
import { shopSearchRoute } from './search-routes.js';
import { shopSitemapRoute } from './seo-routes.js';
import { gridItems, loadShopFrame, shopMeta } from './shop-data.js';

/** Page size of shop and collection listings. */
export const PAGE_SIZE = 24;
const MAX_SLUG = 200;

function cursorParam(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Every page of one shop, relative to the shop's root (`/s/{shop}` on the
 * platform, `/` on the shop's own host).
 */
export function shopRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(loadShop());

  app.get('/', cachedPage('shop'), async (c) => {
    const ctx = c.get('shop');
    const cursor = cursorParam(c.req.query('cursor'));
    const [frame, collections, page] = await Promise.all([
      loadShopFrame(c),
      listCollections(ctx),
      listProducts(ctx, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    ]);
    const links = c.get('links');
    cachePage(c);
    return c.render(
      <ShopPage
        ui={frame.ui}
        shop={frame.view}
        banner={frame.images.banner}
        collections={collections}
        items={gridItems(c, frame.pricer, page.items)}
        nextHref={page.nextCursor ? links.shop('', { cursor: page.nextCursor }) : undefined}
        firstHref={cursor ? links.shop() : undefined}
        priceNote={priceNote(frame.ui, frame.pricer)}
      />,
      {
        ...shopMeta(c, frame),
        title: frame.view.name,
        description: frame.view.tagline || frame.view.story.slice(0, 200),
        index: !cursor,
        og: {
          type: 'website',
          image: ogImage(
            c.get('links'),
            frame.images.banner ? { ...frame.images.banner, alt: '' } : page.items[0]?.image,
          ),
        },
      },
    );
  });

  app.get('/c/:collection', cachedPage('shop'), async (c) => {
    const ctx = c.get('shop');
    const slug = c.req.param('collection');
    if (slug.length > MAX_SLUG) throw notFound('collection');
    const cursor = cursorParam(c.req.query('cursor'));
    const [frame, { collection }] = await Promise.all([
      loadShopFrame(c),
      getCollectionBySlug(ctx, slug),
    ]);
    const page = await listProducts(ctx, {
      limit: PAGE_SIZE,
      collectionId: collection.id,
      ...(cursor ? { cursor } : {}),
    });
    const links = c.get('links');
    cachePage(c);
    return c.render(
      <CollectionPage
        ui={frame.ui}
        collection={collection}
        items={gridItems(c, frame.pricer, page.items)}
        nextHref={
          page.nextCursor ? links.shop(`/c/${slug}`, { cursor: page.nextCursor }) : undefined
        }
        firstHref={cursor ? links.shop(`/c/${slug}`) : undefined}
        priceNote={priceNote(frame.ui, frame.pricer)}
      />,
      {
        ...shopMeta(c, frame),
        title: collection.title,
        description: collection.description.slice(0, 200) || frame.view.tagline,
        index: !cursor,
        crumbs: [{ label: frame.view.name, href: links.shop() }, { label: collection.title }],
        og: { type: 'website', image: ogImage(c.get('links'), page.items[0]?.image) },
      },
    );
  });

  app.route('/', productRoute());
  app.route('/', shopSearchRoute());
  app.route('/', cartRoutes());
  app.route('/', checkoutRoutes());
  app.route('/', orderRoutes());
  app.route('/', shopSitemapRoute());
  return app;
}

/** An absolute URL of a photo's mid-size file for OpenGraph, if there is a photo. */
export function ogImage(links: Links, image: PictureImage | null | undefined): string | undefined {
  const file = image ? fallbackFile(image, 1200) : undefined;
  return file ? links.absolute(mediaHref(file.key)) : undefined;
}
