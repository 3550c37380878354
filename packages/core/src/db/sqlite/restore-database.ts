import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AldeaError } from '../../errors.js';
import { type BackupOptions, copyWithBackupApi } from './backup-database.js';
import { type DatabaseFileReport, inspectDatabaseFile } from './inspect-file.js';
import { defaultMigrationsFolder } from './migrations-folder.js';
import { openSqlite } from './open-sqlite.js';

/** Options of {@link restoreDatabase}. */
export interface RestoreOptions extends Pick<BackupOptions, 'onProgress'> {
  /** Replace an existing database (it must not be in use). */
  force?: boolean;
  migrationsFolder?: string;
}

/** What a restore did. */
export interface RestoreResult {
  file: string;
  from: string;
  pages: number;
  /** Migrations applied after the copy because the backup was made by an older version. */
  migrationsApplied: string[];
  /** The backup as inspected before anything was written. */
  backup: DatabaseFileReport;
}

/**
 * True when another connection (a running `aldea serve`) has the database open.
 * Leaving WAL mode needs the only connection, so SQLite answers "busy" if there
 * is another; the probe leaves the file in rollback-journal mode, which the next
 * `openSqlite` switches back.
 */
export function isDatabaseFileInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('journal_mode = DELETE');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    probe.close();
  }
}

function refuse(message: string, path = 'file', code = 'invalid'): AldeaError {
  return new AldeaError('VALIDATION', message, [{ path, message, code }]);
}

/**
 * Restores the database at `toFile` from a backup. Checks first, writes after:
 * the backup must pass `PRAGMA integrity_check` and carry a migration history
 * this version knows (a backup from a newer Aldea is refused); an existing
 * target is replaced only with `force` and only when nothing has it open. The
 * copy goes through SQLite's backup API, which commits on the target in one
 * transaction; then pending migrations are applied and the result is checked.
 */
export async function restoreDatabase(
  fromFile: string,
  toFile: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const from = resolve(fromFile);
  const file = resolve(toFile);
  const migrationsFolder = opts.migrationsFolder ?? defaultMigrationsFolder();
  if (from === file) throw refuse('the backup and the database are the same file');
  const backup = inspectDatabaseFile(from, { migrationsFolder });
  if (!backup.intact) {
    throw refuse(`backup ${from} failed its integrity check: ${backup.problems.join('; ')}`);
  }
  if (!backup.hasMigrationHistory) {
    throw refuse(`${from} is not an Aldea database (it has no migration history)`);
  }
  if (backup.migrations.unknown > 0) {
    throw refuse(
      `backup ${from} was made by a newer version of Aldea (${backup.migrations.unknown} migrations this version does not know); upgrade before restoring`,
    );
  }
  if (existsSync(file) && statSync(file).size > 0) {
    if (!opts.force) {
      throw new AldeaError('CONFLICT', `a database already exists at ${file}`, [
        { path: 'database', message: 'exists; restore with --force to replace it', code: 'exists' },
      ]);
    }
    if (isDatabaseFileInUse(file)) {
      throw new AldeaError('CONFLICT', `the database at ${file} is in use`, [
        { path: 'database', message: 'stop the server before restoring', code: 'in_use' },
      ]);
    }
  }
  mkdirSync(dirname(file), { recursive: true });

  const source = new BetterSqlite3(from, { readonly: true, fileMustExist: true });
  let pages: number;
  try {
    ({ pages } = await copyWithBackupApi(source, file, opts));
  } finally {
    source.close();
  }

  const db = openSqlite({ file });
  try {
    await db.migrate(migrationsFolder);
  } finally {
    await db.close();
  }
  const after = inspectDatabaseFile(file, { migrationsFolder });
  if (!after.intact) {
    throw new AldeaError('INTERNAL', `restored database failed its check: ${after.problems[0]}`);
  }
  return { file, from, pages, migrationsApplied: backup.migrations.pending, backup };
}
