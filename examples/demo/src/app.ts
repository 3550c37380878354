import { createAdmin } from '@aldea/admin';
import { type Database, listVillages, type MediaStorage, platformContext } from '@aldea/core';
import { createStorefront, type StorefrontOptions } from '@aldea/storefront';
import { Hono } from 'hono';

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  db: Database;
  storage: MediaStorage;
  /** The address buyers use (canonical links, sitemaps); default: the request's own. */
  publicUrl?: string;
  /** The storefront's request log; default JSON lines on stdout. Tests pass a quiet one. */
  logger?: StorefrontOptions['logger'];
}

/**
 * The demo as one Hono app, without a port: `GET /healthz`, the admin at
 * `/admin` and the storefront at `/` (mounted last: it answers every other path,
 * with its own 404 page). Tests call `app.request()`; the server hands
 * `app.fetch` to `@hono/node-server`.
 *
 * This is also the smallest example of embedding Aldea in your own Hono app.
 */
export function createDemoApp(opts: DemoAppOptions): Hono {
  const app = new Hono();
  const platform = platformContext(opts.db);

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      // A real read through core: proves the database file is open and answers.
      await listVillages(platform);
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return c.json({ status: 'error', database: 'unavailable' }, 503);
    }
  });

  app.route(
    '/admin',
    createAdmin({
      db: opts.db,
      storage: opts.storage,
      basePath: '/admin',
      publicUrl: opts.publicUrl,
    }),
  );
  app.route(
    '/',
    createStorefront({
      db: opts.db,
      storage: opts.storage,
      publicUrl: opts.publicUrl,
      logger: opts.logger,
    }),
  );
  return app;
}
