import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../../schema/index.js';
import type { Database, Db, DbStats } from '../database.js';
import {
  type BackgroundCheckpoints,
  startBackgroundCheckpoints,
} from './background-checkpoints.js';
import { defaultMigrationsFolder } from './migrations-folder.js';
import { dropPlannerSamples } from './planner-samples.js';

export interface OpenSqliteOptions {
  /** A file path, or `:memory:` (one connection: for throwaway use only). */
  file: string;
  /** Count every statement executed (tests assert "no N+1" with it). */
  countStatements?: boolean;
  /** Milliseconds a writer waits for another process's lock. */
  busyTimeoutMs?: number;
  readonly?: boolean;
  /**
   * Who copies the WAL back into the file: the committing thread, when the WAL
   * passes 1,000 pages (SQLite's default; right for commands and tests), or a
   * worker thread every 200 ms (servers: commits stay short; the writer keeps
   * a 20,000-page automatic checkpoint as a backstop). Ignored in memory and
   * read-only.
   */
  checkpoints?: 'inline' | 'background';
}

/** The writer's automatic checkpoint threshold (pages) while a worker checkpoints. */
const BACKSTOP_PAGES = 20_000;

type Connection = BetterSqlite3.Database;

function openConnection(file: string, opts: OpenSqliteOptions, stats: DbStats): Connection {
  const conn = new BetterSqlite3(file, {
    readonly: opts.readonly ?? false,
    ...(opts.countStatements ? { verbose: () => void stats.statements++ } : {}),
  });
  conn.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
  if (!opts.readonly) conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('temp_store = MEMORY');
  conn.pragma('cache_size = -32000'); // 32 MB page cache per connection
  return conn;
}

/**
 * Opens a SQLite database the way Aldea runs it: WAL, foreign keys on, a busy
 * timeout, `synchronous=NORMAL`; one connection for writes (transactions run
 * `BEGIN IMMEDIATE`, serialised by a queue) and one for reads, which in WAL
 * mode sees only committed data. See docs/decisions/002-sqlite-transactions.md.
 */
export function openSqlite(opts: OpenSqliteOptions): Database {
  const stats: DbStats = { statements: 0 };
  const memory = opts.file === ':memory:' || opts.file === '';
  if (!memory) mkdirSync(dirname(opts.file), { recursive: true });

  const writer = openConnection(opts.file, opts, stats);
  // Before any statement is prepared: see planner-samples.ts.
  if (!memory && !opts.readonly) dropPlannerSamples(writer);
  const reader = memory ? writer : openConnection(opts.file, opts, stats);
  const writeDb: Db = drizzle({ client: writer, schema });
  const readDb: Db = memory ? writeDb : drizzle({ client: reader, schema });

  // The scope of the transaction the current async flow runs in. Savepoints opened
  // from the same scope are queued on its `tail`, so that `Promise.all` of nested
  // commands cannot interleave SAVEPOINT/RELEASE pairs; each nested command gets a
  // scope of its own for *its* children.
  interface Scope {
    tail: Promise<unknown>;
  }
  const inside = new AsyncLocalStorage<Scope>();
  let tail: Promise<unknown> = Promise.resolve();
  // Prepared once: parsing BEGIN/COMMIT/SAVEPOINT on every command is measurable
  // at thousands of orders a second. Savepoints are strictly nested (each scope
  // queues its children), so one reused name is released LIFO correctly.
  const tx = {
    begin: writer.prepare('BEGIN IMMEDIATE'),
    commit: writer.prepare('COMMIT'),
    rollback: writer.prepare('ROLLBACK'),
    savepoint: writer.prepare('SAVEPOINT aldea_sp'),
    release: writer.prepare('RELEASE aldea_sp'),
    rollbackTo: writer.prepare('ROLLBACK TO aldea_sp'),
  };

  async function runOuter<T>(fn: (tx: Db) => Promise<T> | T): Promise<T> {
    tx.begin.run();
    try {
      const result = await inside.run({ tail: Promise.resolve() }, () => fn(writeDb));
      tx.commit.run();
      forgetMark();
      return result;
    } catch (err) {
      if (writer.inTransaction) tx.rollback.run();
      throw err;
    }
  }

  async function savepoint<T>(fn: (tx: Db) => Promise<T> | T): Promise<T> {
    tx.savepoint.run();
    try {
      const result = await inside.run({ tail: Promise.resolve() }, () => fn(writeDb));
      tx.release.run();
      return result;
    } catch (err) {
      tx.rollbackTo.run();
      tx.release.run();
      throw err;
    }
  }

  function runNested<T>(scope: Scope, fn: (tx: Db) => Promise<T> | T): Promise<T> {
    const run = () => savepoint(fn);
    const result = scope.tail.then(run, run);
    scope.tail = result.catch(() => undefined);
    return result;
  }

  /** Runs `fn` when no transaction holds the writer, without opening one. */
  function exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const result = tail.then(fn, fn);
    tail = result.catch(() => undefined);
    return result;
  }

  // `data_version` moves when ANOTHER connection commits: the writer, or another
  // process. In memory there is only one connection, so nothing can be told.
  const dataVersion = memory ? undefined : reader.prepare('PRAGMA data_version').pluck();
  // Read once per turn of the event loop (a page asks several memos in a row):
  // forgotten at the next turn, and at once when this process commits. Another
  // process's commit landing mid-turn is seen at the next turn, as if it had
  // come a moment later; a turn's reads stay one consistent snapshot.
  let mark: number | undefined;
  const forgetMark = () => {
    mark = undefined;
  };
  function changeMark(): number | undefined {
    if (!dataVersion) return undefined;
    if (mark === undefined) {
      mark = dataVersion.get() as number;
      setImmediate(forgetMark);
    }
    return mark;
  }

  let checkpointer: BackgroundCheckpoints | undefined;
  if (opts.checkpoints === 'background' && !memory && !opts.readonly) {
    writer.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    checkpointer = startBackgroundCheckpoints(opts.file);
  }

  return {
    engine: 'sqlite',
    read: readDb,
    stats,
    changeMark,
    transaction<T>(fn: (tx: Db) => Promise<T> | T): Promise<T> {
      const scope = inside.getStore();
      if (scope) return runNested(scope, fn);
      return exclusive(() => runOuter(fn));
    },
    migrate(migrationsFolder = defaultMigrationsFolder()) {
      return exclusive(() => migrate(writeDb, { migrationsFolder }));
    },
    async backup(toFile: string) {
      await writer.backup(toFile);
    },
    async close() {
      await tail;
      await checkpointer?.stop();
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}

/** The raw better-sqlite3 connection behind a Drizzle handle (migrations, backups, FTS). */
export function sqliteClient(db: Db): Connection {
  return (db as unknown as { $client: Connection }).$client;
}
