/**
 * The server side of bench/checkout.ts's HTTP part (files starting with `_`
 * are not run as benchmarks): the storefront over an existing database file,
 * with a bare Hono "ok" route beside it, on 127.0.0.1, in its own process so
 * that autocannon (in the parent) does not share its thread.
 *
 *   node --import tsx --conditions=aldea-source bench/_checkout-server.ts <db-file>
 *
 * Prints one JSON line `{ "port": port }` when listening.
 */
import { manualProvider, memoryStorage, openSqlite } from '@aldea/core';
import { createStorefront } from '@aldea/storefront';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: _checkout-server.ts <db-file>');

const db = openSqlite({ file, busyTimeoutMs: 30_000, checkpoints: 'background' });
const app = new Hono();
app.get('/bare', (c) => c.text('ok'));
app.route(
  '/',
  createStorefront({
    db,
    storage: memoryStorage(),
    payments: { manual: manualProvider },
    logger: { info() {}, error() {} },
  }),
);
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on('SIGTERM', () => {
  void db.close().finally(() => process.exit(0));
});
