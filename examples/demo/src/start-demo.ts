import type { AddressInfo } from 'node:net';
import { gatewayFromConfig, startOrderSweeper } from '@aldea/cli';
import {
  type Database,
  findVillageBySlug,
  importJobHandlers,
  localDiskStorage,
  mediaJobHandlers,
  openSqlite,
  platformContext,
  startJobWorker,
} from '@aldea/core';
import { serve } from '@hono/node-server';
import { createDemoApp, type DemoAppOptions } from './app.ts';
import type { DemoConfig } from './config.ts';
import { refreshDemoRatesIfStale } from './demo-rates.ts';
import { type DemoLogin, demoLogins } from './logins.ts';
import { type SeedDemoOptions, seedDemo } from './seed.ts';
import { loadSeedData, type SeedData } from './seed-data.ts';

/** A demo server that is listening. */
export interface RunningDemo {
  /** Where a browser reaches it, e.g. `http://localhost:3000` (no trailing slash). */
  url: string;
  port: number;
  /** The demo accounts, when this database holds the demo's villages. */
  logins: DemoLogin[];
  /**
   * Stops accepting requests and lets the job in hand finish, then closes the
   * database. A photo still encoding after the grace period is left behind: its
   * job's lease runs out and the next start picks it up again.
   */
  stop(): Promise<void>;
}

/** Options of {@link startDemo}. */
export interface StartDemoOptions {
  log?: (line: string) => void;
  /** The seed data; default: the files in `examples/demo/seed/` (tests pass a smaller set). */
  data?: SeedData;
  /** Passed to the seeder (tests lower the password cost). */
  seed?: Omit<SeedDemoOptions, 'log' | 'data'>;
  /** The storefront's request log. */
  logger?: DemoAppOptions['logger'];
  /** How long the media worker waits when its queue is empty (default 2 s). */
  workerIdleMs?: number;
  /** Run the background media worker (default true; tests that need no AVIF turn it off). */
  mediaWorker?: boolean;
  /** How long `stop()` waits for the photo in hand (default 5 s; AVIF can take much longer). */
  stopGraceMs?: number;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']);

function browserUrl(config: DemoConfig, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = LOCAL_HOSTS.has(config.host)
    ? 'localhost'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  return `http://${host}:${port}`;
}

/** Resolves true when `work` settles within `ms`, false when the time runs out first. */
export async function within(work: Promise<void> | undefined, ms: number): Promise<boolean> {
  if (!work) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function isDemoDatabase(db: Database, data: SeedData) {
  const ctx = platformContext(db);
  const found = await Promise.all(data.villages.map((v) => findVillageBySlug(ctx, v.village.slug)));
  return found.every(Boolean);
}

/**
 * Starts the demo: opens and migrates the database, seeds it when empty (or
 * re-dates the sample FX rates when they went stale), serves the demo app on
 * the configured host and port, and starts the media job worker (AVIF
 * versions of the photos) in the background. Rejects, with the database
 * closed again, when the port cannot be opened.
 */
export async function startDemo(
  config: DemoConfig,
  opts: StartDemoOptions = {},
): Promise<RunningDemo> {
  const log = opts.log ?? (() => {});
  const db = openSqlite({ file: config.database, checkpoints: 'background' });
  const storage = localDiskStorage(config.mediaDir);
  const system = platformContext(db, { actor: { kind: 'system', name: 'demo' } });
  try {
    await db.migrate();
    const data = opts.data ?? (await loadSeedData());
    const seeded = await seedDemo(db, storage, { ...opts.seed, log, data });
    if (!seeded.seeded) {
      const day = await refreshDemoRatesIfStale(system, data.fxRatesXml, config.fxStaleAfterHours);
      if (day) log(`The sample FX rates had gone stale: re-imported them dated ${day}.`);
    }
    const logins = seeded.seeded || (await isDemoDatabase(db, data)) ? demoLogins(data) : [];

    const app = createDemoApp({ db, storage, config, logger: opts.logger });
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.once('listening', () => resolve((server.address() as AddressInfo).port));
    });
    // Started last, once nothing can fail any more: stopping it may wait for a photo.
    const worker =
      opts.mediaWorker === false
        ? undefined
        : startJobWorker(system, {
            handlers: { ...mediaJobHandlers(storage), ...importJobHandlers(storage) },
            idleMs: opts.workerIdleMs,
            onError: (err: unknown) => log(`media worker: ${String(err)}`),
          });
    // Unpaid bank-transfer and card orders give their stock back when their time runs out.
    const sweeper =
      opts.mediaWorker === false
        ? undefined
        : startOrderSweeper(system, {
            gateway: gatewayFromConfig(config),
            onError: (err: unknown) => log(`order sweeper: ${String(err)}`),
          });
    return {
      url: browserUrl(config, port),
      port,
      logins,
      async stop() {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections would hold close() open until they time out.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        await sweeper?.stop();
        const finished = await within(worker?.stop(), opts.stopGraceMs ?? 5000);
        await closed;
        if (finished) await db.close();
        else log('Left the photo in hand for the next start (its job will be retried).');
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
