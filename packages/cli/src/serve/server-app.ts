import { createAdmin } from '@aldea/admin';
import { createApi } from '@aldea/api';
import {
  type AldeaConfig,
  type Database,
  listVillages,
  type MediaStorage,
  platformContext,
} from '@aldea/core';
import { createStorefront, type StorefrontOptions, storefrontFrontDoor } from '@aldea/storefront';
import { Hono } from 'hono';
import { gatewayFromConfig } from '../integrations/payment-gateway.js';

/** Options of {@link createServerApp}. */
export interface ServerAppOptions {
  db: Database;
  storage: MediaStorage;
  /** The settings the apps take: public URL, base domain, cookies, proxy, Stripe. */
  config: AldeaConfig;
  /** The storefront's request log (JSON lines on stdout by default). */
  logger?: StorefrontOptions['logger'];
}

/**
 * What `aldea serve` (and the demo) runs, as one Hono app without a port:
 * `GET /healthz`, the JSON API at `/api`, the admin at `/admin` and the
 * storefront at `/` (mounted last: it answers every other path with its own
 * 404 page). One payment gateway serves all three, so a refund from the admin
 * or the API reaches the same Stripe account the storefront charged.
 */
export function createServerApp(opts: ServerAppOptions): Hono {
  const { db, storage, config } = opts;
  const app = new Hono();
  const platform = platformContext(db);
  const payments = gatewayFromConfig(config);

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await listVillages(platform); // a real read: the file is open and answers
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return c.json({ status: 'error', database: 'unavailable' }, 503);
    }
  });

  app.route('/api', createApi({ db, payments, basePath: '/api', trustProxy: config.trustProxy }));
  app.route(
    '/admin',
    createAdmin({
      db,
      storage,
      payments,
      basePath: '/admin',
      trustProxy: config.trustProxy,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      ...(config.secureCookies !== undefined ? { secureCookies: config.secureCookies } : {}),
    }),
  );
  const storefront = createStorefront({
    db,
    storage,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    ...(config.baseDomain ? { baseDomain: config.baseDomain } : {}),
    payments,
    pageCacheBytes: config.pageCacheMb * 1024 * 1024,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  app.route('/', storefront);
  // Stored catalogue pages are answered before this app routes anything.
  storefrontFrontDoor(app, storefront);
  return app;
}
