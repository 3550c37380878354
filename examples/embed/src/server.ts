/**
 * Runs the cooperative's app: `npm run -w @aldea/example-embed start`.
 *
 * Its own settings, its own names: MARKET_PORT (3100), MARKET_HOST
 * (127.0.0.1), MARKET_DATABASE (./data/market.db), MARKET_MEDIA_DIR
 * (./data/market-media), MARKET_PUBLIC_URL (optional).
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { localDiskStorage, openSqlite } from '@aldea/core';
import { serve } from '@hono/node-server';
import { createMarketApp } from './app.js';
import { seedIfEmpty } from './seed.js';

const env = process.env;
const port = Number(env.MARKET_PORT ?? 3100);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `MARKET_PORT must be a port number (0–65535), got ${JSON.stringify(env.MARKET_PORT)}`,
  );
  process.exit(1);
}
const host = env.MARKET_HOST ?? '127.0.0.1';
const database = resolve(env.MARKET_DATABASE ?? 'data/market.db');
const mediaDir = resolve(env.MARKET_MEDIA_DIR ?? 'data/market-media');

mkdirSync(dirname(database), { recursive: true });
const db = openSqlite({ file: database, checkpoints: 'background' });
await db.migrate(); // Aldea's migrations ship inside @aldea/core
if (await seedIfEmpty(db)) console.log(`Seeded a sample shop into ${database}`);

const app = createMarketApp({
  db,
  storage: localDiskStorage(mediaDir),
  ...(env.MARKET_PUBLIC_URL ? { publicUrl: env.MARKET_PUBLIC_URL } : {}),
});
const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
  const url = `http://${host}:${info.port}`;
  console.log(`Mercado Tlaloc listening on ${url}  (shop ${url}/s/casa-barro, admin ${url}/admin)`);
});

function stop(signal: string) {
  console.log(`${signal}: stopping`);
  server.close(async () => {
    await db.close();
    process.exit(0);
  });
  // Keep-alive connections would hold close() open until they time out.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
