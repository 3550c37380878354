import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeVillage } from '../../../test/support/factories.js';
import { scratchDir } from '../../../test/support/scratch-dir.js';
import { makeTestDb } from '../../../test/support/test-db.js';
import { isAldeaError } from '../../errors.js';
import { platformContext } from '../../tenancy/context.js';
import { listVillages } from '../../tenancy/villages.js';
import { backupDatabase } from './backup-database.js';
import { inspectDatabaseFile, migrationStatus } from './inspect-file.js';
import { openSqlite } from './open-sqlite.js';

const tmp = () => scratchDir('aldea-backup');

describe('backupDatabase', () => {
  it('writes a checked single-file copy with the same rows, reporting progress', async () => {
    const db = await makeTestDb();
    const ctx = platformContext(db);
    for (let i = 0; i < 30; i++) await makeVillage(ctx);
    const dir = tmp();
    const seen: number[] = [];
    const result = await backupDatabase(db, join(dir, 'b.db'), {
      pagesPerStep: 5,
      onProgress: (p) => seen.push(p.copiedPages),
    });
    expect(result.restarts).toBe(0);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(result.pages);
    expect(readdirSync(dir)).toEqual(['b.db']); // no WAL sidecars, no partial file
    const report = inspectDatabaseFile(result.file);
    expect(report.intact).toBe(true);
    expect(report.rowCounts.villages).toBe(30);
    expect(report.rowCounts.village_texts).toBe(60);
    expect(report.migrations.upToDate).toBe(true);
  });

  it('finishes with a consistent copy when a write restarts it halfway', async () => {
    const db = await makeTestDb();
    const ctx = platformContext(db);
    for (let i = 0; i < 20; i++) await makeVillage(ctx);
    const file = join(tmp(), 'b.db');
    let writes = 0;
    const result = await backupDatabase(db, file, {
      pagesPerStep: 1,
      onProgress: () => {
        // A write on the other connection between two steps restarts the copy.
        if (writes++ === 1) void makeVillage(ctx);
      },
    });
    expect(result.restarts).toBeGreaterThanOrEqual(1);
    const counts = inspectDatabaseFile(file).rowCounts;
    expect(counts.village_texts).toBe(2 * counts.villages!);
    expect([20, 21]).toContain(counts.villages);
  });

  it('refuses an existing target and changes nothing', async () => {
    const db = await makeTestDb();
    const file = join(tmp(), 'taken.db');
    writeFileSync(file, 'precious');
    const err = await backupDatabase(db, file).catch((e: unknown) => e);
    expect(isAldeaError(err, 'CONFLICT')).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(file, '..'))).toEqual(['taken.db']);
  });

  it('refuses a target in a directory that does not exist', async () => {
    const db = await makeTestDb();
    const err = await backupDatabase(db, join(tmp(), 'no', 'b.db')).catch((e: unknown) => e);
    expect(isAldeaError(err, 'NOT_FOUND')).toBe(true);
  });
});

describe('inspectDatabaseFile and migrationStatus', () => {
  it('reports a fresh database as pending and a migrated one as up to date', async () => {
    const file = join(tmp(), 'a.db');
    const db = openSqlite({ file });
    const before = await migrationStatus(db);
    expect(before.applied).toBe(0);
    expect(before.pending.length).toBeGreaterThan(0);
    await db.migrate();
    expect((await migrationStatus(db)).upToDate).toBe(true);
    await db.close();
    expect(inspectDatabaseFile(file).hasMigrationHistory).toBe(true);
  });

  it('refuses a file that is missing or is not SQLite', () => {
    const dir = tmp();
    const missing = (() => {
      try {
        inspectDatabaseFile(join(dir, 'none.db'));
      } catch (e) {
        return e;
      }
    })();
    expect(isAldeaError(missing, 'NOT_FOUND')).toBe(true);
    writeFileSync(join(dir, 'text.db'), 'hello, this is not a database at all');
    expect(() => inspectDatabaseFile(join(dir, 'text.db'))).toThrow('not a SQLite database');
  });

  it('lists villages from the copy like from the original', async () => {
    const db = await makeTestDb();
    const ctx = platformContext(db);
    await makeVillage(ctx);
    const file = join(tmp(), 'b.db');
    await backupDatabase(db, file);
    const copy = openSqlite({ file });
    expect(await listVillages(platformContext(copy))).toEqual(await listVillages(ctx));
    await copy.close();
  });
});
