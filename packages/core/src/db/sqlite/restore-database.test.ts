import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeVillage } from '../../../test/support/factories.js';
import { scratchDir } from '../../../test/support/scratch-dir.js';
import { makeTestDb } from '../../../test/support/test-db.js';
import { isAldeaError } from '../../errors.js';
import { platformContext } from '../../tenancy/context.js';
import { backupDatabase } from './backup-database.js';
import { inspectDatabaseFile } from './inspect-file.js';
import { defaultMigrationsFolder } from './migrations-folder.js';
import { openSqlite } from './open-sqlite.js';
import { isDatabaseFileInUse, restoreDatabase } from './restore-database.js';

const tmp = () => scratchDir('aldea-restore');

async function backupWithVillages(n: number) {
  const db = await makeTestDb();
  const ctx = platformContext(db);
  for (let i = 0; i < n; i++) await makeVillage(ctx);
  const file = join(tmp(), 'backup.db');
  await backupDatabase(db, file);
  return { db, file };
}

describe('restoreDatabase', () => {
  it('restores into a new file: intact, migrated, the same rows', async () => {
    const { file } = await backupWithVillages(3);
    const target = join(tmp(), 'restored.db');
    const result = await restoreDatabase(file, target);
    expect(result.migrationsApplied).toEqual([]);
    const report = inspectDatabaseFile(target);
    expect(report.intact).toBe(true);
    expect(report.migrations.upToDate).toBe(true);
    expect(report.rowCounts).toEqual(result.backup.rowCounts);
    expect(report.rowCounts.villages).toBe(3);
  });

  it('replaces an existing database only with force, and then entirely', async () => {
    const { file } = await backupWithVillages(2);
    const { db: other } = await backupWithVillages(5);
    const target = join(tmp(), 'live.db');
    await backupDatabase(other, target);
    const err = await restoreDatabase(file, target).catch((e: unknown) => e);
    expect(isAldeaError(err, 'CONFLICT')).toBe(true);
    expect(inspectDatabaseFile(target).rowCounts.villages).toBe(5);
    await restoreDatabase(file, target, { force: true });
    expect(inspectDatabaseFile(target).rowCounts.villages).toBe(2);
  });

  it('refuses to replace a database another connection has open', async () => {
    const { file } = await backupWithVillages(1);
    const target = join(tmp(), 'busy.db');
    const live = openSqlite({ file: target });
    await live.migrate();
    expect(isDatabaseFileInUse(target)).toBe(true);
    const err = await restoreDatabase(file, target, { force: true }).catch((e: unknown) => e);
    expect(isAldeaError(err, 'CONFLICT')).toBe(true);
    expect((err as Error).message).toContain('in use');
    await live.close();
    expect(isDatabaseFileInUse(target)).toBe(false);
  });

  it('applies the migrations a backup from an older version lacks', async () => {
    // An "older version": the same migrations folder without its newest migration.
    const full = defaultMigrationsFolder();
    const older = join(tmp(), 'migrations');
    cpSync(full, older, { recursive: true });
    const journalFile = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const newest = journal.entries.pop()!;
    writeFileSync(journalFile, JSON.stringify(journal));
    const oldDb = openSqlite({ file: join(tmp(), 'old.db') });
    await oldDb.migrate(older);
    await makeVillage(platformContext(oldDb));
    const file = join(tmp(), 'old-backup.db');
    await backupDatabase(oldDb, file);
    await oldDb.close();
    expect(inspectDatabaseFile(file).migrations.pending).toEqual([newest.tag]);

    const target = join(tmp(), 'r.db');
    const result = await restoreDatabase(file, target);
    expect(result.migrationsApplied).toEqual([newest.tag]);
    const report = inspectDatabaseFile(target);
    expect(report.migrations.upToDate).toBe(true);
    expect(report.rowCounts.villages).toBe(1);
  });

  it.each([
    [
      'a file that is not SQLite',
      (f: string) => writeFileSync(f, 'x'.repeat(4096)),
      'not a SQLite',
    ],
    [
      'a SQLite file without migration history',
      (f: string) => {
        const raw = new BetterSqlite3(f);
        raw.exec('drop table __drizzle_migrations');
        raw.close();
      },
      'not an Aldea database',
    ],
    [
      'a backup from a newer version',
      (f: string) => {
        const raw = new BetterSqlite3(f);
        raw.exec(
          "insert into __drizzle_migrations (hash, created_at) values ('zz', 99999999999999)",
        );
        raw.close();
      },
      'newer version of Aldea',
    ],
    [
      'a damaged backup',
      (f: string) => {
        const bytes = readFileSync(f);
        bytes.fill(0x55, 4096 * 2, 4096 * 4); // scribble over two pages
        writeFileSync(f, bytes);
      },
      '',
    ],
  ])('refuses %s and leaves the target alone', async (_, spoil, text) => {
    const { file } = await backupWithVillages(40);
    spoil(file);
    const target = join(tmp(), 'r.db');
    writeFileSync(target, '');
    const err = await restoreDatabase(file, target, { force: true }).catch((e: unknown) => e);
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect((err as Error).message).toContain(text);
    expect(readFileSync(target)).toHaveLength(0);
  });
});
