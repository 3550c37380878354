import { createAdmin } from '@aldea/admin';
import { createApi } from '@aldea/api';
import { type Database, listVillages, type MediaStorage, platformContext } from '@aldea/core';
import { createStorefront, storefrontFrontDoor } from '@aldea/storefront';
import { Hono } from 'hono';
import { logoSvg, theme } from './brand.js';

/** What the host app is built from: its own database and photo storage. */
export interface MarketAppOptions {
  db: Database;
  storage: MediaStorage;
  /** The public address (`https://mercado.example`), when not the request's own. */
  publicUrl?: string;
  /** Quiet the storefront's access log (tests). */
  quiet?: boolean;
}

/**
 * A cooperative's own Hono app with Aldea inside it: its routes first
 * (`/healthz`, `/about`, its logo), then Aldea's JSON API at `/api`, the admin
 * at `/admin` and the storefront at `/` — mounted last, because it answers
 * every other path with its own 404 page. Both web apps wear the
 * cooperative's theme.
 */
export function createMarketApp(opts: MarketAppOptions): Hono {
  const { db, storage, publicUrl } = opts;
  const app = new Hono();

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await listVillages(platformContext(db)); // a real read through core
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'error' }, 503);
    }
  });
  app.get('/about', (c) =>
    c.text('Mercado Tlaloc: a potters’ cooperative selling through Aldea.\n'),
  );
  app.get('/brand/logo.svg', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(logoSvg);
  });

  app.route('/api', createApi({ db, basePath: '/api' }));
  app.route(
    '/admin',
    createAdmin({ db, storage, basePath: '/admin', theme, ...(publicUrl ? { publicUrl } : {}) }),
  );
  const storefront = createStorefront({
    db,
    storage,
    theme,
    ...(publicUrl ? { publicUrl } : {}),
    ...(opts.quiet ? { logger: { info: () => {}, error: console.error } } : {}),
  });
  app.route('/', storefront);
  // Catalogue pages the storefront keeps are answered before this app routes anything.
  storefrontFrontDoor(app, storefront);
  return app;
}
