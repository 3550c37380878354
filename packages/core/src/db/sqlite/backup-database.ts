import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AldeaError, notFound } from '../../errors.js';
import type { Database } from '../database.js';
import { sqliteClient } from './open-sqlite.js';

/** How far a backup or restore has got, in database pages. */
export interface CopyProgress {
  totalPages: number;
  copiedPages: number;
}

/** Options of {@link backupDatabase}. */
export interface BackupOptions {
  /** Called after each step (drives a progress bar). */
  onProgress?: (progress: CopyProgress) => void;
  /** Pages copied per step; default: a fiftieth of the database, at least 100. */
  pagesPerStep?: number;
}

/** What a finished backup wrote. */
export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  /** How often another writer forced the copy to start over (then it finishes in one step). */
  restarts: number;
}

const ALL_PAGES = 0x7fffffff;

/** Removes a SQLite file and its WAL sidecars. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Drives SQLite's online backup API from `source` into `toFile` in steps so a
 * progress bar can move. When a write from another connection restarts the copy,
 * the rest is copied in one step: that step holds one read snapshot (WAL lets
 * writers go on meanwhile), so the copy always finishes and is always
 * consistent: exactly the transactions committed before that moment.
 */
export async function copyWithBackupApi(
  source: BetterSqlite3.Database,
  toFile: string,
  opts: BackupOptions = {},
): Promise<{ pages: number; restarts: number }> {
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let allAtOnce = false;
  const done = await source.backup(toFile, {
    progress: ({ totalPages, remainingPages }) => {
      if (remainingPages >= lastRemaining && !allAtOnce) {
        restarts++;
        allAtOnce = true;
      }
      lastRemaining = remainingPages;
      opts.onProgress?.({ totalPages, copiedPages: totalPages - remainingPages });
      if (allAtOnce) return ALL_PAGES;
      return Math.max(1, opts.pagesPerStep ?? Math.max(100, Math.ceil(totalPages / 50)));
    },
  });
  opts.onProgress?.({ totalPages: done.totalPages, copiedPages: done.totalPages });
  return { pages: done.totalPages, restarts };
}

/**
 * Writes a consistent copy of a live database to `toFile` with SQLite's online
 * backup API while servers keep reading and writing. Refuses an existing target
 * (CONFLICT) and a missing directory (NOT_FOUND). The copy is written beside the
 * target under a temporary name, switched to a self-contained single file
 * (rollback journal), checked with `PRAGMA quick_check`, and only then given its
 * name: a failed backup leaves nothing behind.
 *
 * @example
 * await backupDatabase(db, '/backups/aldea-2026-11-25.db', { onProgress: bar.update });
 */
export async function backupDatabase(
  db: Database,
  toFile: string,
  opts: BackupOptions = {},
): Promise<BackupResult> {
  const target = resolve(toFile);
  if (existsSync(target)) {
    throw new AldeaError('CONFLICT', `backup target already exists: ${target}`, [
      { path: 'file', message: 'already exists; choose a new file name', code: 'exists' },
    ]);
  }
  if (!existsSync(dirname(target))) throw notFound(`directory ${dirname(target)}`);
  const partial = join(
    dirname(target),
    `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`,
  );
  try {
    const { pages, restarts } = await copyWithBackupApi(sqliteClient(db.read), partial, opts);
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok')
        throw new AldeaError('INTERNAL', `backup copy failed its check: ${check}`);
    } finally {
      copy.close();
    }
    try {
      linkSync(partial, target); // unlike rename, never replaces a file that appeared meanwhile
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new AldeaError('CONFLICT', `backup target already exists: ${target}`, [
          { path: 'file', message: 'already exists; choose a new file name', code: 'exists' },
        ]);
      }
      throw err;
    }
    return { file: target, bytes: statSync(target).size, pages, restarts };
  } finally {
    removeDatabaseFiles(partial);
  }
}
