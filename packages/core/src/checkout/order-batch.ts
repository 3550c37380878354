import type { Database, Db } from '../db/database.js';

/**
 * Group commit for concurrent buyers: orders that arrive while the writer is
 * busy are written together in ONE `BEGIN IMMEDIATE … COMMIT`, each in its own
 * savepoint (a nested `db.transaction`), so one buyer's refusal — out of
 * stock — rolls back only that buyer's statements. The commit (the WAL write)
 * is the expensive part of a small transaction; sharing it is what lets one
 * SQLite writer place thousands of orders a second. Every order is still all
 * or nothing, and a caller's promise settles only after the commit that made
 * its order durable (or failed to).
 */

interface Pending<T> {
  write: (tx: Db) => Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

interface Batcher {
  pending: Pending<unknown>[];
  running: boolean;
}

const batchers = new WeakMap<Database, Batcher>();

/** At most this many orders share a commit (bounds the latency of the first one). */
export const MAX_BATCH = 256;

async function drain(db: Database, b: Batcher): Promise<void> {
  while (b.pending.length > 0) {
    const batch = b.pending.splice(0, MAX_BATCH);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      await db.transaction(async () => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: await db.transaction(item.write) });
          } catch (err) {
            outcomes.push({ ok: false, err }); // its savepoint was rolled back
          }
        }
      });
    } catch (err) {
      // The commit itself failed: nothing of this batch is saved.
      for (const item of batch) item.reject(err);
      continue;
    }
    batch.forEach((item, i) => {
      const o = outcomes[i]!;
      if (o.ok) item.resolve(o.value);
      else item.reject(o.err);
    });
  }
}

/**
 * Runs `write` as one order's transaction, sharing the commit with the other
 * orders waiting at the same time. Resolves with `write`'s result after the
 * commit; rejects with its error (nothing of it saved).
 */
export function inOrderBatch<T>(db: Database, write: (tx: Db) => Promise<T>): Promise<T> {
  let b = batchers.get(db);
  if (!b) {
    b = { pending: [], running: false };
    batchers.set(db, b);
  }
  const batcher = b;
  return new Promise<T>((resolve, reject) => {
    batcher.pending.push({ write, resolve, reject } as Pending<unknown>);
    if (batcher.running) return;
    batcher.running = true;
    // Let the buyers of this turn of the event loop join before starting.
    setImmediate(() => {
      drain(db, batcher).finally(() => {
        batcher.running = false;
      });
    });
  });
}
