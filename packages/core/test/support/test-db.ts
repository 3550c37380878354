import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openSqlite } from '../../src/db/sqlite/open-sqlite.js';

const opened: { db: Database; dir: string }[] = [];

afterAll(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A fresh, migrated SQLite file database in a temporary folder, closed and
 * deleted after the test file. Real files, real WAL, real migrations.
 */
export async function makeTestDb(opts: { countStatements?: boolean } = {}): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-test-'));
  const db = openSqlite({ file: join(dir, 'test.db'), ...opts });
  await db.migrate();
  opened.push({ db, dir });
  return db;
}
