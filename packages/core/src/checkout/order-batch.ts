import type { Database, Db } from '../db/database.js';

/**
 * Group commit for concurrent buyers: orders that arrive while the writer is
 * busy are written together in ONE `BEGIN IMMEDIATE … COMMIT`. Usually no
 * order is refused, and the batch is written as it is; when one is (out of
 * stock, a double submit), the batch is rolled back and written again with a
 * savepoint per order, so that buyer's refusal undoes only their statements
 * (the next few batches start that way: stock may be running out). The commit
 * (the WAL write) is the expensive part of a small transaction; sharing it is
 * what lets one SQLite writer place thousands of orders a second. Every order is still all
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
  /** Batches still to write carefully (one savepoint per order) since one was refused. */
  careful: number;
}

const batchers = new WeakMap<Database, Batcher>();

/** At most this many orders share a commit (bounds the latency of the first one). */
export const MAX_BATCH = 256;

/** After an order is refused, this many batches pay for a savepoint per order. */
const CAREFUL_BATCHES = 4;

type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

/**
 * The common case, cheapest: every order of the batch in one transaction, no
 * savepoints. Any refusal (out of stock, already placed) or error rolls the
 * whole batch back: the failure is returned, to write the batch again carefully.
 */
async function allOrNothing(db: Database, batch: Pending<unknown>[]): Promise<Outcome[] | Outcome> {
  const outcomes: Outcome[] = [];
  try {
    await db.transaction(async (tx) => {
      for (const item of batch) outcomes.push({ ok: true, value: await item.write(tx) });
    });
    return outcomes;
  } catch (err) {
    return { ok: false, err };
  }
}

/**
 * Each order in its own savepoint (a nested `db.transaction`): a refusal rolls
 * back only that order's statements; the others commit.
 */
async function oneByOne(db: Database, batch: Pending<unknown>[]): Promise<Outcome[] | Outcome> {
  const outcomes: Outcome[] = [];
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
    return outcomes;
  } catch (err) {
    // The commit itself failed: nothing of this batch is saved.
    return { ok: false, err };
  }
}

async function writeBatch(db: Database, b: Batcher, batch: Pending<unknown>[]): Promise<Outcome[]> {
  if (b.careful === 0) {
    const whole = await allOrNothing(db, batch);
    if (Array.isArray(whole)) return whole;
    // A batch of one needs no second try: its failure is its own.
    if (batch.length === 1) return [whole];
    b.careful = CAREFUL_BATCHES;
  }
  b.careful--;
  const each = await oneByOne(db, batch);
  return Array.isArray(each) ? each : batch.map(() => each);
}

async function drain(db: Database, b: Batcher): Promise<void> {
  while (b.pending.length > 0) {
    const batch = b.pending.splice(0, MAX_BATCH);
    const outcomes = await writeBatch(db, b, batch);
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
    b = { pending: [], running: false, careful: 0 };
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
