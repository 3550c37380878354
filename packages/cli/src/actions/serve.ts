import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { loadCliConfig, openDatabase, requireMigrated } from '../runtime.js';
import { startServer } from '../serve/start-server.js';

/** The options of `aldea serve`. */
export interface ServeOptions {
  port?: string;
  host?: string;
  migrate?: boolean;
  jobs: boolean;
  json?: boolean;
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
function untilSignal(io: CliIo): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(1));
      process.once('SIGTERM', () => process.exit(1));
      io.stderr.write(`aldea: ${signal}: stopping (finishing requests and the job in hand)…\n`);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** `aldea serve`: runs until SIGINT or SIGTERM, then stops cleanly. */
export async function serveAction(io: CliIo, cmd: Command, opts: ServeOptions): Promise<void> {
  const { config } = loadCliConfig(io, cmd, {
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
  });
  const db = openDatabase(config, { create: opts.migrate ?? false, server: true });
  try {
    if (opts.migrate) await db.migrate();
    await requireMigrated(db, config);
    const server = await startServer(db, config, {
      jobs: opts.jobs,
      log: (line) => io.stderr.write(`aldea: ${line}\n`),
    });
    // One line either way: it is a log line, and the request log that follows is JSON lines.
    const started = { event: 'listening', url: server.url, port: server.port };
    io.stdout.write(
      opts.json
        ? `${JSON.stringify({ ...started, database: config.database })}\n`
        : `aldea: listening on ${server.url} (storefront /, admin /admin, health /healthz)\n`,
    );
    await untilSignal(io);
    await server.stop();
  } finally {
    await db.close();
  }
}
