import { closeSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AldeaError, notFound } from '../../errors.js';
import type { Database } from '../database.js';
import {
  type AppliedMigration,
  compareMigrations,
  type MigrationStatus,
  readMigrationJournal,
} from '../migration-status.js';
import { defaultMigrationsFolder } from './migrations-folder.js';
import { sqliteClient } from './open-sqlite.js';

type Connection = BetterSqlite3.Database;

/** What `inspectDatabaseFile` found in a SQLite file. */
export interface DatabaseFileReport {
  file: string;
  bytes: number;
  /** True when `PRAGMA integrity_check` answered "ok". */
  intact: boolean;
  /** The problems integrity_check listed (empty when intact). */
  problems: string[];
  /** False when the file has no migration history: not an Aldea database. */
  hasMigrationHistory: boolean;
  migrations: MigrationStatus;
  /** Row count of every table, by SQL name. */
  rowCounts: Record<string, number>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

function assertSqliteFile(file: string): number {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw notFound(`database file ${file}`);
  }
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new AldeaError('VALIDATION', `${file} is not a SQLite database`, [
      { path: 'file', message: 'not a SQLite database file', code: 'not_sqlite' },
    ]);
  }
  return size;
}

/** The migration history of a raw connection (empty when the table is missing). */
export function readAppliedMigrations(conn: Connection): AppliedMigration[] | null {
  const table = conn
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return null;
  const rows = conn.prepare('select hash, created_at from __drizzle_migrations').all() as {
    hash: string;
    created_at: number | string;
  }[];
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/** Row counts of every table of a raw connection (for reports and restore checks). */
export function countRows(conn: Connection): Record<string, number> {
  const tables = conn
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    counts[name] = (conn.prepare(`select count(*) as n from ${quoted}`).get() as { n: number }).n;
  }
  return counts;
}

/**
 * Checks a SQLite file without changing it: that it is a SQLite database, that
 * `PRAGMA integrity_check` passes, how its schema compares with the migrations
 * this version ships, and how many rows each table has. Used before a restore
 * and by `aldea doctor`. Throws NOT_FOUND for a missing file and VALIDATION for
 * a file that is not SQLite.
 */
export function inspectDatabaseFile(
  file: string,
  opts: { migrationsFolder?: string } = {},
): DatabaseFileReport {
  const bytes = assertSqliteFile(file);
  let conn: Connection;
  try {
    conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  } catch (err) {
    throw new AldeaError('VALIDATION', `cannot open ${file}: ${(err as Error).message}`, [], {
      cause: err,
    });
  }
  try {
    const check = conn.pragma('integrity_check') as { integrity_check: string }[];
    const problems = check.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const applied = readAppliedMigrations(conn);
    const known = readMigrationJournal(opts.migrationsFolder ?? defaultMigrationsFolder());
    return {
      file,
      bytes,
      intact: problems.length === 0,
      problems,
      hasMigrationHistory: applied !== null,
      migrations: compareMigrations(applied ?? [], known),
      rowCounts: problems.length === 0 ? countRows(conn) : {},
    };
  } catch (err) {
    if (err instanceof AldeaError) throw err;
    // A damaged file can fail before integrity_check even answers.
    throw new AldeaError('VALIDATION', `${file} is damaged: ${(err as Error).message}`, [], {
      cause: err,
    });
  } finally {
    conn.close();
  }
}

/** How an open database's schema compares with the shipped migrations (doctor, serve). */
export async function migrationStatus(
  db: Database,
  migrationsFolder: string = defaultMigrationsFolder(),
): Promise<MigrationStatus> {
  const applied = readAppliedMigrations(sqliteClient(db.read)) ?? [];
  return compareMigrations(applied, readMigrationJournal(migrationsFolder));
}
