import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { fxRates, fxRatesLatest } from '../schema/pricing.js';
import type { FxRateRecord } from './latest-rates.js';

const CHUNK = 500;

/**
 * Inserts rates (skipping ECB days already stored) and moves each pair's
 * "latest" pointer to the newest of them — never back to an older day. Runs
 * inside the caller's transaction; returns the rows actually inserted.
 */
export async function storeRates(tx: Db, rows: readonly FxRateRecord[]): Promise<FxRateRecord[]> {
  const inserted: FxRateRecord[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const ids = new Set(
      (
        await tx.insert(fxRates).values(chunk).onConflictDoNothing().returning({ id: fxRates.id })
      ).map((r) => r.id),
    );
    inserted.push(...chunk.filter((r) => ids.has(r.id)));
  }
  // One pointer row per key per statement (PostgreSQL refuses to upsert a row twice).
  const newest = new Map<string, FxRateRecord>();
  for (const r of inserted) {
    const key = `${r.shopId ?? ''}|${r.base}|${r.quote}`;
    const have = newest.get(key);
    if (!have || r.asOf >= have.asOf) newest.set(key, r);
  }
  const pointers = [...newest.values()].map((r) => ({
    owner: r.shopId ?? '',
    base: r.base,
    quote: r.quote,
    rateId: r.id,
    asOf: r.asOf,
  }));
  for (let i = 0; i < pointers.length; i += CHUNK) {
    await tx
      .insert(fxRatesLatest)
      .values(pointers.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [fxRatesLatest.owner, fxRatesLatest.base, fxRatesLatest.quote],
        set: { rateId: sql`excluded.rate_id`, asOf: sql`excluded.as_of` },
        setWhere: sql`excluded.as_of >= ${fxRatesLatest.asOf}`,
      });
  }
  return inserted;
}
