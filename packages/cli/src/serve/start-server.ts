import type { AddressInfo } from 'node:net';
import {
  type AldeaConfig,
  type Database,
  importJobHandlers,
  localDiskStorage,
  mediaJobHandlers,
  platformContext,
  startJobWorker,
} from '@aldea/core';
import { serve } from '@hono/node-server';
import { CliError, EXIT } from '../exit-codes.js';
import { gatewayFromConfig } from '../integrations/payment-gateway.js';
import { smsSenderFromConfig } from '../integrations/sms-sender.js';
import { mailerFromConfig } from '../integrations/smtp-mailer.js';
import { startOrderSweeper } from './order-sweeper.js';
import { startOutboxLoop } from './outbox-loop.js';
import { createServerApp } from './server-app.js';

/** A server that is listening. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  /** Stops accepting requests, lets the job in hand finish, closes the database. */
  stop(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Run the background workers (AVIF photos, large imports, the outbox) in this process. */
  jobs?: boolean;
  log?: (line: string) => void;
}

function listenError(err: unknown, config: AldeaConfig): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new CliError(EXIT.FAILURE, `port ${config.port} on ${config.host} is already in use`);
  }
  if (code === 'EACCES') {
    return new CliError(EXIT.FAILURE, `no permission to listen on port ${config.port}`);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new CliError(EXIT.VALIDATION, `cannot listen on ${config.host}: no such address here`);
  }
  return err as Error;
}

/**
 * Serves the storefront, admin and API on the configured host and port, with
 * the background work running beside them: the job worker (AVIF photos, large
 * imports), the outbox of emails and texts (when SMTP or SMS is configured) and
 * the sweeper that expires unpaid orders. The database must be open and
 * migrated; it is closed by `stop()`.
 */
export async function startServer(
  db: Database,
  config: AldeaConfig,
  opts: StartServerOptions = {},
): Promise<RunningServer> {
  const storage = localDiskStorage(config.mediaDir);
  const system = platformContext(db, { actor: { kind: 'system', name: 'aldea-serve' } });
  const log = opts.log ?? (() => {});
  const worker =
    opts.jobs === false
      ? undefined
      : startJobWorker(system, {
          handlers: { ...mediaJobHandlers(storage), ...importJobHandlers(storage) },
          onError: (err) => log(`job worker: ${(err as Error).message ?? err}`),
        });
  const mailer = opts.jobs === false ? undefined : mailerFromConfig(config);
  const smsSender = opts.jobs === false ? undefined : smsSenderFromConfig(config);
  const outbox =
    (mailer || smsSender) && config.publicUrl
      ? startOutboxLoop(system, {
          ...(mailer && config.mailFrom ? { mailer, from: config.mailFrom } : {}),
          smsSender,
          publicUrl: config.publicUrl,
          onError: (err) => log(`outbox: ${(err as Error).message ?? err}`),
        })
      : undefined;
  const sweeper =
    opts.jobs === false
      ? undefined
      : startOrderSweeper(system, {
          gateway: gatewayFromConfig(config),
          onError: (err) => log(`order sweeper: ${(err as Error).message ?? err}`),
        });
  const app = createServerApp({ db, storage, config });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.once('listening', () => resolve((server.address() as AddressInfo).port));
    });
  } catch (err) {
    await Promise.all([worker?.stop(), outbox?.stop(), sweeper?.stop()]);
    throw listenError(err, config);
  }
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections would hold close() open until they time out.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await Promise.all([closed, worker?.stop(), outbox?.stop(), sweeper?.stop()]);
    },
  };
}
