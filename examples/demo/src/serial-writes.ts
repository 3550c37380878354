import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from '@aldea/core';

/**
 * A view of `db` whose write transactions take turns even when started
 * concurrently. The seeder runs everything inside ONE outer transaction, where
 * each core command's own transaction becomes a savepoint; two commands in
 * flight at once would interleave their savepoints. Through this view they do
 * not: their slow parts (encoding photos, hashing passwords), which core runs
 * before opening its transaction, still overlap, and their writes go one at a
 * time.
 *
 * Re-entrant: a transaction started inside a turn (a command calling another
 * command) joins that turn instead of waiting behind itself. Reads and
 * everything else go straight to `db`.
 */
export function serialWrites(db: Database): Database {
  const inTurn = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  return {
    engine: db.engine,
    read: db.read,
    stats: db.stats,
    changeMark: () => db.changeMark(),
    transaction(fn) {
      if (inTurn.getStore()) return db.transaction(fn);
      const turn = tail.then(() => inTurn.run(true, () => db.transaction(fn)));
      tail = turn.catch(() => undefined);
      return turn;
    },
    migrate: (folder) => db.migrate(folder),
    backup: (file) => db.backup(file),
    close: () => db.close(),
  };
}

/**
 * Runs `work` over `items`, at most `limit` at a time, and waits for every
 * started item to settle before reporting the first failure: inside a
 * transaction, nothing may still be writing when the caller rolls back.
 */
export async function settleEach<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const errors: unknown[] = [];
  let next = 0;
  const runner = async () => {
    while (next < items.length && errors.length === 0) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  if (errors.length > 0) throw errors[0];
  return results;
}
