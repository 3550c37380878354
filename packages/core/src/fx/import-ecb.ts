import { open } from 'node:fs/promises';
import { recordAudit } from '../audit/record-audit.js';
import { AldeaError } from '../errors.js';
import { newId } from '../ids.js';
import { operatorContext } from '../operator/operator-context.js';
import type { PlatformContext } from '../tenancy/context.js';
import type { FxRateRecord } from './latest-rates.js';
import { ECB_DEFAULT_MAX_BYTES, parseEcbXml } from './parse-ecb.js';
import { storeRates } from './store-rates.js';

/** Where to read ECB rates from: the text itself, a file path, or an http(s) URL. */
export type EcbSource = { xml: string } | { file: string } | { url: string };

/** Options for {@link importEcbRates}. */
export interface ImportEcbOptions {
  /** Refuse bodies larger than this (default 2 MiB). */
  maxBytes?: number;
  /** Give up on a URL after this long (default 15 s). */
  timeoutMs?: number;
}

/** What an import did. */
export interface ImportEcbResult {
  days: number;
  /** New rows stored. */
  inserted: number;
  /** Rows already stored from an earlier import of the same day. */
  unchanged: number;
  /** The newest reference day in the file (`YYYY-MM-DD`). */
  latestDay: string;
  ignoredCurrencies: string[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function tooBig(maxBytes: number): AldeaError {
  return new AldeaError('VALIDATION', `ECB rates rejected: body is larger than ${maxBytes} bytes`, [
    { path: 'body', message: `more than ${maxBytes} bytes`, code: 'too_big' },
  ]);
}

function utf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new AldeaError('VALIDATION', 'ECB rates rejected: the body is not UTF-8', [
      { path: 'body', message: 'not UTF-8', code: 'encoding' },
    ]);
  }
}

async function readFileCapped(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new AldeaError('NOT_FOUND', `ECB file not found: ${path}`);
    throw e;
  });
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooBig(maxBytes);
    return utf8(await handle.readFile());
  } finally {
    await handle.close();
  }
}

async function fetchCapped(url: string, maxBytes: number, timeoutMs: number): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AldeaError('VALIDATION', `not a URL: ${url}`, [
      { path: 'url', message: 'not a URL' },
    ]);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new AldeaError('VALIDATION', 'the ECB source must be an http(s) URL', [
      { path: 'url', message: 'use http or https' },
    ]);
  }
  const res = await fetch(parsed, { signal: AbortSignal.timeout(timeoutMs) }).catch(
    (e: unknown) => {
      throw new AldeaError('INTERNAL', `could not fetch ECB rates from ${parsed.host}`, [], {
        cause: e,
      });
    },
  );
  if (!res.ok || !res.body) {
    throw new AldeaError('INTERNAL', `ECB rates: ${parsed.host} answered HTTP ${res.status}`);
  }
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) throw tooBig(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig(maxBytes);
    }
    chunks.push(value);
  }
  return utf8(Buffer.concat(chunks));
}

/**
 * The text of an ECB source, size-capped (and time-capped for a URL); not yet
 * parsed. Shared by {@link importEcbRates} and the ECB `FxRateProvider`.
 *
 * @throws AldeaError VALIDATION (too big, not UTF-8, not an http(s) URL), NOT_FOUND (file), INTERNAL (network)
 */
export async function readEcbSource(
  source: EcbSource,
  opts: ImportEcbOptions = {},
): Promise<string> {
  const maxBytes = opts.maxBytes ?? ECB_DEFAULT_MAX_BYTES;
  if ('xml' in source) return source.xml;
  if ('file' in source) return readFileCapped(source.file, maxBytes);
  return fetchCapped(source.url, maxBytes, opts.timeoutMs ?? 15_000);
}

/**
 * Imports ECB reference rates (platform-wide, operator or system only) from the
 * XML text, a file or a URL. Fails closed: the body is size-capped, parsed and
 * checked in full (see `parseEcbXml`) — and a day in the future is refused —
 * before anything is written, so a bad file leaves the previous rates in force.
 * Then one transaction stores every day's `EUR→X` rates; days already imported
 * are skipped, history is kept. Audited as `fx.import`.
 *
 * @example
 * await importEcbRates(ctx, { file: 'eurofxref-daily.xml' });
 * // { days: 1, inserted: 29, unchanged: 0, latestDay: '2026-11-24', ignoredCurrencies: [] }
 * @throws AldeaError VALIDATION (bad body), NOT_FOUND (file; or the actor is not an operator), INTERNAL (network)
 */
export async function importEcbRates(
  ctx: PlatformContext,
  source: EcbSource,
  opts: ImportEcbOptions = {},
): Promise<ImportEcbResult> {
  await operatorContext(ctx);
  const maxBytes = opts.maxBytes ?? ECB_DEFAULT_MAX_BYTES;
  const xml = await readEcbSource(source, opts);
  const { days, ignoredCurrencies } = parseEcbXml(xml, { maxBytes });
  const now = ctx.clock.now();
  // The ECB publishes a day's rates that afternoon (CET): a later date is a broken feed.
  const future = days.filter((d) => d.asOf.getTime() > now.getTime() + 86_400_000);
  if (future.length > 0) {
    throw new AldeaError('VALIDATION', `ECB rates rejected: ${future[0]!.date} is in the future`, [
      { path: `Cube[time=${future[0]!.date}]`, message: 'dated in the future', code: 'future' },
    ]);
  }
  const rows: FxRateRecord[] = days.flatMap((d) =>
    d.rates.map((r) => ({
      id: newId('fxRate', now.getTime()),
      shopId: null,
      base: 'EUR',
      quote: r.currency,
      rate: r.rate,
      source: 'ecb' as const,
      asOf: d.asOf,
      fetchedAt: now,
    })),
  );
  const latestDay = days.at(-1)!.date;
  const inserted = await ctx.db.transaction(async (tx) => {
    const count = (await storeRates(tx, rows)).length;
    await recordAudit(tx, ctx, {
      action: 'fx.import',
      entity: 'fx_rates',
      entityId: `ecb:${latestDay}`,
      data: { days: days.length, inserted: count, ignoredCurrencies },
    });
    return count;
  });
  return {
    days: days.length,
    inserted,
    unchanged: rows.length - inserted,
    latestDay,
    ignoredCurrencies,
  };
}
