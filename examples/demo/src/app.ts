import { createServerApp } from '@aldea/cli';
import type { Database, MediaStorage } from '@aldea/core';
import type { StorefrontOptions } from '@aldea/storefront';
import type { Hono } from 'hono';
import { type DemoConfig, loadDemoConfig } from './config.ts';

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  db: Database;
  storage: MediaStorage;
  /** The server's settings; default: the built-in defaults (no Stripe, no SMTP). */
  config?: DemoConfig;
  /** The address buyers use (canonical links, sitemaps); default: the request's own. */
  publicUrl?: string;
  /** The storefront's request log; default JSON lines on stdout. Tests pass a quiet one. */
  logger?: StorefrontOptions['logger'];
}

/**
 * The demo as one Hono app, without a port: exactly what `aldea serve` runs
 * (`/healthz`, the API at `/api`, the admin at `/admin`, the storefront at `/`),
 * so the demo shows the product as operators deploy it. Tests call
 * `app.request()`; the server hands `app.fetch` to `@hono/node-server`.
 */
export function createDemoApp(opts: DemoAppOptions): Hono {
  const config = opts.config ?? loadDemoConfig({}).config;
  return createServerApp({
    db: opts.db,
    storage: opts.storage,
    config: opts.publicUrl ? { ...config, publicUrl: opts.publicUrl } : config,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
}
