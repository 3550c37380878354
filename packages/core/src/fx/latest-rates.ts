import { and, asc, eq } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import { inJsonList, jsonList } from '../catalog/sql-fragments.js';
import type { Db } from '../db/database.js';
import { type FxSource, fxRates, fxRatesLatest } from '../schema/pricing.js';
import type { PlatformContext } from '../tenancy/context.js';
import {
  DEFAULT_FX_STALENESS,
  type FxStalenessPolicy,
  type RateFreshness,
  rateFreshness,
} from './staleness.js';

/** One stored FX rate: `1 base = rate quote`. */
export interface FxRateRecord {
  id: string;
  /** Set for a shop's own manual rate; `null` for the platform's. */
  shopId: string | null;
  base: string;
  quote: string;
  /** Exact decimal text. */
  rate: string;
  source: FxSource;
  asOf: Date;
  fetchedAt: Date;
}

/** A latest rate with its age, as the operator screen and `aldea doctor` show it. */
export interface LatestRate extends FxRateRecord {
  ageMs: number;
  freshness: RateFreshness;
}

/** Options for {@link listLatestRates}. */
export interface ListLatestRatesOptions {
  /** Also return this shop's own rates (each overrides the platform's for its pair). */
  shopId?: string;
  /** Only pairs whose both sides are among these currencies. */
  currencies?: readonly string[];
  staleness?: FxStalenessPolicy;
}

/**
 * The newest rate per (owner, base, quote) in ONE statement, read by key
 * through `fx_rates_latest` (so its cost does not grow with history).
 * `currencies` limits both sides of the pair; `shopId` adds that shop's own
 * rates to the platform's.
 */
export async function loadLatestRates(
  db: Db,
  opts: { currencies?: readonly string[]; shopId?: string } = {},
): Promise<FxRateRecord[]> {
  const owners = opts.shopId ? ['', opts.shopId] : [''];
  const some = opts.currencies !== undefined;
  // Prepared once per shape (lists are JSON parameters): every priced page asks.
  return cached(db, `fx.latest-rates.${some ? 'some' : 'all'}`, () =>
    db
      .select({
        id: fxRates.id,
        shopId: fxRates.shopId,
        base: fxRates.base,
        quote: fxRates.quote,
        rate: fxRates.rate,
        source: fxRates.source,
        asOf: fxRates.asOf,
        fetchedAt: fxRates.fetchedAt,
      })
      .from(fxRatesLatest)
      .innerJoin(fxRates, eq(fxRates.id, fxRatesLatest.rateId))
      .where(
        and(
          inJsonList(fxRatesLatest.owner, 'owners'),
          some ? inJsonList(fxRatesLatest.base, 'currencies') : undefined,
          some ? inJsonList(fxRatesLatest.quote, 'currencies') : undefined,
        ),
      )
      .orderBy(asc(fxRatesLatest.base), asc(fxRatesLatest.quote), asc(fxRatesLatest.owner))
      .prepare(),
  ).all({ owners: jsonList(owners), currencies: jsonList(opts.currencies ?? []) });
}

/**
 * The newest rate of every pair with its age and freshness: what the operator
 * screen lists and `aldea doctor` checks. Platform rates only, unless `shopId`
 * asks for that shop's own rates too.
 *
 * @example
 * const stale = (await listLatestRates(ctx)).filter((r) => r.freshness !== 'fresh');
 */
export async function listLatestRates(
  ctx: PlatformContext,
  opts: ListLatestRatesOptions = {},
): Promise<LatestRate[]> {
  const now = ctx.clock.now();
  const policy = opts.staleness ?? DEFAULT_FX_STALENESS;
  const rows = await loadLatestRates(ctx.db.read, opts);
  return rows.map((r) => ({
    ...r,
    ageMs: now.getTime() - r.asOf.getTime(),
    freshness: rateFreshness(r.asOf, now, policy),
  }));
}
