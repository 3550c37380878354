import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openSqlite } from '@aldea/core';
import { afterAll } from 'vitest';

const opened: { db: Database; dir: string }[] = [];

afterAll(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A fresh migrated SQLite file, closed and deleted after the test file. */
export async function makeDb(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-admin-'));
  const db = openSqlite({ file: join(dir, 'admin.db') });
  await db.migrate();
  opened.push({ db, dir });
  return db;
}
