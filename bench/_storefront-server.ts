/**
 * The server side of bench/storefront.ts (files starting with `_` are not run
 * as benchmarks): the storefront over an existing database file, the same
 * storefront with its page cache off, and a bare Hono "hello" route (and, at
 * `/shaped`, a stored product page's bytes and headers sent as they are), each on
 * its own port of 127.0.0.1, in this one process, so autocannon (in the parent
 * process) measures them under the same conditions.
 *
 *   tsx --conditions=aldea-source bench/_storefront-server.ts <db-file> <media-dir>
 *
 * Prints one JSON line `{ "storefront": port, "uncached": port, "bare": port }` when listening.
 */

import { localDiskStorage, openSqlite } from '@aldea/core';
import { createStorefront } from '@aldea/storefront';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [file, mediaDir] = process.argv.slice(2);
if (!file || !mediaDir) throw new Error('usage: _storefront-server.ts <db-file> <media-dir>');

const db = openSqlite({ file, checkpoints: 'background' });
const options = {
  db,
  storage: localDiskStorage(mediaDir),
  clock: { now: () => new Date('2026-11-25T10:00:00Z') },
  // The access log costs a JSON.stringify per request; the bench keeps it but not the terminal I/O.
  logger: {
    info: (event: string, fields: object) => void JSON.stringify({ event, ...fields }),
    error: () => {},
  },
};
const storefront = createStorefront(options);
// The same storefront without its page cache: what every first view of a page costs.
const uncached = createStorefront({ ...options, pageCacheBytes: 0 });
const bare = new Hono().get('/', (c) => c.text('hello'));

// The ceiling for a stored page: a stored product page's exact bytes and
// headers (taken from the storefront once), sent by a bare route.
const SHAPED = '/s/shop-0/p/p-0?lang=en&currency=EUR';
let shaped: Promise<{ body: Uint8Array; headers: Record<string, string> }> | undefined;
async function storedPage() {
  const headers = {
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'en-US,en;q=0.9',
    cookie: 'aldea_lang=en; aldea_currency=EUR',
  };
  await storefront.request(SHAPED, { headers }); // the first view stores it
  const res = await storefront.request(SHAPED, { headers });
  if (res.headers.get('x-aldea-cache') !== 'hit')
    throw new Error('the product page was not stored');
  return {
    body: new Uint8Array(await res.arrayBuffer()),
    headers: Object.fromEntries(res.headers),
  };
}
bare.get('/shaped', async () => {
  shaped ??= storedPage();
  const { body, headers } = await shaped;
  return new Response(body, { headers });
});

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
  });
const ports = {
  storefront: await listen(storefront.fetch),
  uncached: await listen(uncached.fetch),
  bare: await listen(bare.fetch),
};
process.stdout.write(`${JSON.stringify(ports)}\n`);
process.on('SIGTERM', () => {
  void db.close().finally(() => process.exit(0));
});
