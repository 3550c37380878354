import type { Database } from './database.js';

interface Memo {
  mark: number;
  values: Map<string, Promise<unknown>>;
  /** The values of the reads that have finished, for {@link knownUntilWrite}. */
  settled: Map<string, unknown>;
}

const memos = new WeakMap<Database, Memo>();

/** Entries kept per database between two commits (a bound against unbounded keys). */
const MAX_ENTRIES = 10_000;

/**
 * Reads `key` with `read` once, and answers again from memory until any
 * transaction commits (in this process or another: see `changeMark`). For hot
 * reads of rarely written rows, a shop by slug or its content version, on every
 * request: between two commits the answer cannot have changed. Always reads
 * when the database cannot tell (in memory).
 *
 * The mark is taken before reading: a commit landing while `read` runs leaves the
 * value under the older mark, which the next call no longer matches. A read
 * that fails is forgotten, so the next call tries again.
 *
 * @example
 * const shop = await memoUntilWrite(db, `shop:${slug}`, () => loadShop(slug));
 */
export function memoUntilWrite<T>(db: Database, key: string, read: () => Promise<T>): Promise<T> {
  const mark = db.changeMark();
  if (mark === undefined) return read();
  let memo = memos.get(db);
  if (!memo || memo.mark !== mark || memo.values.size >= MAX_ENTRIES) {
    memo = { mark, values: new Map(), settled: new Map() };
    memos.set(db, memo);
  }
  const known = memo.values.get(key) as Promise<T> | undefined;
  if (known) return known;
  // The promise is kept, not the value: callers that arrive while the read is
  // pending (many buyers resume in the same turn) share it instead of reading too.
  const reading = read();
  memo.values.set(key, reading);
  const kept = memo;
  reading.then(
    (value) => {
      if (kept.values.get(key) === reading) kept.settled.set(key, value);
    },
    () => {
      if (kept.values.get(key) === reading) kept.values.delete(key);
    },
  );
  return reading;
}

/**
 * The value `memoUntilWrite(db, key, …)` would answer now, when it is already
 * known without waiting (read since the last commit, and finished); else
 * undefined. For a caller that must answer in the same turn, or not at all: a
 * cache in front of everything, checking a stored page's version.
 *
 * @example
 * const v = knownUntilWrite<number>(db, `content-version:${shopId}`);
 * if (v === undefined) return slowPath();
 */
export function knownUntilWrite<T>(db: Database, key: string): T | undefined {
  const memo = memos.get(db);
  if (!memo || memo.settled.size === 0) return undefined;
  const mark = db.changeMark();
  return mark === undefined || memo.mark !== mark ? undefined : (memo.settled.get(key) as T);
}
