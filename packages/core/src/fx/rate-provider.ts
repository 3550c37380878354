import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { AldeaError } from '../errors.js';
import { newId } from '../ids.js';
import { operatorContext } from '../operator/operator-context.js';
import type { FxSource } from '../schema/pricing.js';
import type { PlatformContext } from '../tenancy/context.js';
import { CurrencyCode } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';
import { type EcbSource, type ImportEcbOptions, readEcbSource } from './import-ecb.js';
import type { FxRateRecord } from './latest-rates.js';
import { parseEcbXml } from './parse-ecb.js';
import { RateText } from './rate-text.js';
import { storeRates } from './store-rates.js';

/** Rates a provider reports for one moment: `1 base = rate quote` for each quote. */
export interface FxRateBatch {
  base: string;
  /** The moment the rates refer to (a reference day at 00:00 UTC, or the feed's timestamp). */
  asOf: Date;
  /** Exact decimal text (`"19.85"`), never a JS number. */
  rates: { currency: string; rate: string }[];
}

/**
 * Where the platform's FX rates come from. A provider only fetches and
 * translates; {@link importFxRates} checks everything it returns and stores it
 * in one transaction, so a broken feed never replaces good rates.
 *
 * Built in: {@link ecbRateProvider} (the European Central Bank's reference
 * rates). Shops and operators can also set rates by hand (`setManualRate`).
 *
 * @example
 * const myFeed: FxRateProvider = {
 *   name: 'bank-of-mexico',
 *   source: 'manual',
 *   async fetchRates() {
 *     return [{ base: 'USD', asOf: new Date(), rates: [{ currency: 'MXN', rate: '19.85' }] }];
 *   },
 * };
 * await importFxRates(operatorCtx, myFeed);
 */
export interface FxRateProvider {
  /** A short name for the audit log (`ecb`, `bank-of-mexico`). */
  readonly name: string;
  /**
   * How the rows are stored: `ecb` rows are reference days (a day imported
   * twice is stored once); `manual` rows are history where the newest wins —
   * what any other feed uses.
   */
  readonly source: FxSource;
  /** Fetches the current rates. Throw (an `AldeaError` ideally) when the feed is unusable. */
  fetchRates(): Promise<FxRateBatch[]>;
}

const Batch = z
  .object({
    base: CurrencyCode,
    asOf: z.date(),
    rates: z
      .array(z.object({ currency: CurrencyCode, rate: RateText }))
      .min(1)
      .max(500),
  })
  .superRefine((b, ctx) => {
    b.rates.forEach((r, i) => {
      if (r.currency === b.base) {
        ctx.addIssue({
          code: 'custom',
          path: ['rates', i, 'currency'],
          message: 'a rate needs two different currencies',
        });
      }
    });
  });
const Batches = z.array(Batch).min(1, 'the provider returned no rates').max(5000);

/** What {@link importFxRates} did. */
export interface ImportFxResult {
  provider: string;
  batches: number;
  /** New rows stored. */
  inserted: number;
  /** Rows that were already stored (reference days imported before). */
  unchanged: number;
  /** The newest moment among the rates. */
  latestAsOf: Date;
}

/**
 * Fetches rates from `provider` and stores them platform-wide (operator or
 * system only). Fails closed: every batch is validated (ISO 4217 codes, exact
 * decimal rates, nothing dated in the future) before anything is written, then
 * one transaction stores them all and moves each pair's latest rate. Audited as
 * `fx.import` with the provider's name.
 *
 * @example
 * await importFxRates(ctx, ecbRateProvider({ url: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml' }));
 * @throws AldeaError VALIDATION (a bad batch, naming it: `0.rates.3.rate`), NOT_FOUND (not an operator), or what the provider threw
 */
export async function importFxRates(
  ctx: PlatformContext,
  provider: FxRateProvider,
): Promise<ImportFxResult> {
  await operatorContext(ctx);
  const batches = parseInput(Batches, await provider.fetchRates());
  const now = ctx.clock.now();
  // Reference rates are published during their day; a later date is a broken feed.
  const future = batches.findIndex((b) => b.asOf.getTime() > now.getTime() + 86_400_000);
  if (future >= 0) {
    throw new AldeaError('VALIDATION', `${provider.name} rates rejected: dated in the future`, [
      { path: `${future}.asOf`, message: 'dated in the future', code: 'future' },
    ]);
  }
  const rows: FxRateRecord[] = batches.flatMap((b) =>
    b.rates.map((r) => ({
      id: newId('fxRate', now.getTime()),
      shopId: null,
      base: b.base,
      quote: r.currency,
      rate: r.rate,
      source: provider.source,
      asOf: b.asOf,
      fetchedAt: now,
    })),
  );
  const latestAsOf = new Date(Math.max(...batches.map((b) => b.asOf.getTime())));
  const inserted = await ctx.db.transaction(async (tx) => {
    const count = (await storeRates(tx, rows)).length;
    await recordAudit(tx, ctx, {
      action: 'fx.import',
      entity: 'fx_rates',
      entityId: `${provider.name}:${latestAsOf.toISOString()}`,
      data: { provider: provider.name, batches: batches.length, inserted: count },
    });
    return count;
  });
  return {
    provider: provider.name,
    batches: batches.length,
    inserted,
    unchanged: rows.length - inserted,
    latestAsOf,
  };
}

/**
 * The European Central Bank's reference rates (`EUR → X`, one batch per day)
 * from the XML text, a file or an http(s) URL — the built-in
 * {@link FxRateProvider}. Reading is size- and time-capped and the XML is parsed
 * strictly (see `parseEcbXml`); currencies that are no longer ISO 4217 are skipped.
 *
 * @example
 * await importFxRates(ctx, ecbRateProvider({ file: 'eurofxref-hist-90d.xml' }));
 */
export function ecbRateProvider(source: EcbSource, opts: ImportEcbOptions = {}): FxRateProvider {
  return {
    name: 'ecb',
    source: 'ecb',
    async fetchRates() {
      const xml = await readEcbSource(source, opts);
      const { days } = parseEcbXml(xml, opts.maxBytes ? { maxBytes: opts.maxBytes } : {});
      return days.map((d) => ({ base: 'EUR', asOf: d.asOf, rates: d.rates }));
    },
  };
}
