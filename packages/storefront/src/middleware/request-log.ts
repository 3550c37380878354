import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { batchedLines } from './batched-lines.js';

/** Fields of one structured log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/** Where the storefront writes its log lines (one JSON object per line by default). */
export interface StorefrontLogger {
  info(event: string, fields: LogFields): void;
  error(event: string, fields: LogFields): void;
}

/** A logger bound to one request: every line it writes carries the request id. */
export interface RequestLog {
  info(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

let infoLines: ((line: string) => void) | undefined;

/**
 * Writes JSON lines to stdout (info: the access log, batched once per turn of
 * the event loop, see `batchedLines`) and stderr (errors, at once).
 */
export const jsonLogger: StorefrontLogger = {
  info: (event, fields) => {
    infoLines ??= batchedLines(process.stdout);
    infoLines(`${JSON.stringify({ level: 'info', event, ...fields })}\n`);
  },
  error: (event, fields) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', event, ...fields })}\n`);
  },
};

/**
 * Binds a logger to the request id (set by `hono/request-id` before this runs)
 * and writes one access line per request: method, path, status, milliseconds.
 */
export function requestLog(logger: StorefrontLogger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = c.get('requestId');
    const started = performance.now();
    c.set('log', {
      info: (event, fields) => logger.info(event, { requestId, ...fields }),
      error: (event, fields) => logger.error(event, { requestId, ...fields }),
    });
    await next();
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
