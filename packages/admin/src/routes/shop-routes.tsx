import {
  getShopProgress,
  getShopView,
  listAuditLog,
  listOrdersToHandle,
  listProducts,
  mediaFileForKey,
  notFound,
} from '@aldea/core';
import { Hono } from 'hono';
import { shopTokenRoutes } from '../api-tokens/token-routes.js';
import type { AdminEnv } from '../env.js';
import { loadShop } from '../middleware/load-shop.js';
import { requires } from '../middleware/requires.js';
import { NextStepCard } from '../onboarding/shop/next-step-card.js';
import { orderRoutes } from '../orders/order-routes.js';
import { AuditPage } from '../pages/audit-page.js';
import { DashboardPage } from '../pages/dashboard-page.js';
import { paymentRoutes } from '../payments/payment-routes.js';
import { shippingRoutes } from '../shipping/shipping-routes.js';
import { flashOf, renderPage } from '../ui/layout.js';
import { collectionRoutes } from './collection-routes.js';
import { productRoutes } from './product-routes.js';
import { settingsRoutes } from './settings-routes.js';

async function countProducts(shop: Parameters<typeof listProducts>[0]) {
  // Counted a page at a time; shops have tens of products, not thousands.
  const counts = { published: 0, drafts: 0 };
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await listProducts(shop, { limit: 100, cursor, includeUnpublished: true });
    for (const p of page.items) {
      if (p.status === 'active') counts.published++;
      else if (p.status === 'draft') counts.drafts++;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return counts;
}

/**
 * Everything under `/s/:shopId`: the shop is resolved once (a stranger's or
 * another shop's id is a 404), and each route declares the action it needs.
 */
export function shopRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(loadShop());

  app.get('/', requires('shop.read'), async (c) => {
    const shop = c.get('shop');
    const [view, counts, orders, progress] = await Promise.all([
      getShopView(shop),
      countProducts(shop),
      listOrdersToHandle(shop, { limit: 1 }),
      getShopProgress(shop),
    ]);
    return renderPage(
      c,
      <DashboardPage
        t={c.get('t')}
        links={c.get('links')}
        shop={shop}
        view={view}
        counts={counts}
        orders={orders.counts}
        onboarding={<NextStepCard c={c} progress={progress} />}
      />,
      { title: view.name, nav: 'shop', flash: flashOf(c) },
    );
  });

  app.get('/audit', requires('shop.read'), async (c) => {
    const shop = c.get('shop');
    const page = await listAuditLog(shop, { limit: 50, cursor: c.req.query('cursor') });
    const next = page.nextCursor
      ? `${c.get('links').shop(shop.shop.id, '/audit')}?cursor=${page.nextCursor}`
      : null;
    return renderPage(
      c,
      <AuditPage t={c.get('t')} locale={c.get('locale')} items={page.items} nextHref={next} />,
      { title: c.get('t')('audit.title'), nav: 'shop' },
    );
  });

  // The shop's photos for its own admin pages (drafts included): members only,
  // and only keys under this shop's folder.
  app.get('/media/*', requires('shop.read'), async (c) => {
    const shopId = c.get('shop').shop.id;
    const marker = `/s/${shopId}/media/`;
    const at = c.req.path.indexOf(marker);
    const key = at >= 0 ? c.req.path.slice(at + marker.length) : '';
    if (!key.startsWith(`${shopId}/`)) throw notFound('file');
    const file = await mediaFileForKey(c.get('deps').storage, key);
    const body = file && (await file.open());
    if (!file || !body) throw notFound('file');
    c.header('Content-Type', file.contentType);
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    c.header('ETag', file.etag);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(body);
  });

  app.route('/orders', orderRoutes());
  app.route('/products', productRoutes());
  app.route('/collections', collectionRoutes());
  app.route('/settings', settingsRoutes());
  app.route('/settings/api-tokens', shopTokenRoutes());
  app.route('/shipping', shippingRoutes());
  app.route('/payments', paymentRoutes());
  return app;
}
