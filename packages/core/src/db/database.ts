import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../schema/index.js';

/**
 * The query surface domain code uses: Drizzle's query builder over our schema.
 * Domain code always `await`s it, so the same code runs on an async driver.
 */
export type Db = BetterSQLite3Database<typeof schema>;

/** Counters that tests read to prove a page runs a bounded number of statements. */
export interface DbStats {
  statements: number;
}

/**
 * A database handle: a read side that sees only committed data, and a write
 * side reached only through {@link Database.transaction}.
 *
 * One instance per process; app servers hold no other state.
 */
export interface Database {
  readonly engine: 'sqlite';
  /** For queries outside a command. Never sees another transaction's uncommitted rows. */
  readonly read: Db;
  /**
   * Runs `fn` as one write transaction. Commands are serialised (one writer at a
   * time, as the engine allows anyway), committed when `fn` resolves and rolled back
   * when it throws. Calling it again inside `fn` joins the outer transaction
   * through a savepoint.
   */
  transaction<T>(fn: (tx: Db) => Promise<T> | T): Promise<T>;
  /**
   * A number that changes whenever a transaction has committed since it was last
   * read, from this process or another (SQLite's `data_version` as seen by the
   * read connection); `undefined` when the engine cannot tell (an in-memory
   * database). See `memoUntilWrite`.
   */
  changeMark(): number | undefined;
  /** Statement counters; populated only when opened with `countStatements`. */
  readonly stats: DbStats;
  /** Applies pending migrations in order (a no-op when up to date). */
  migrate(migrationsFolder?: string): Promise<void>;
  /** Writes a consistent copy of the live database to `toFile` (online; writers keep going). */
  backup(toFile: string): Promise<void>;
  close(): Promise<void>;
}
