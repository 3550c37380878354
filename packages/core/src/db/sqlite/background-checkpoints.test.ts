import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { scratchDir } from '../../../test/support/scratch-dir.js';
import { openSqlite } from './open-sqlite.js';

/** A fresh database file with one table, opened with the given checkpoint mode. */
function fresh(checkpoints: 'inline' | 'background') {
  const file = join(scratchDir('aldea-ckpt'), 'a.db');
  return { db: openSqlite({ file, checkpoints }), file };
}

/** Writes about 2 MB (some 500 pages: under SQLite's own 1,000-page threshold). */
async function write2Mb(db: ReturnType<typeof openSqlite>) {
  await db.transaction(async (tx) => {
    await tx.run(sql`create table blobs (b blob)`);
    for (let i = 0; i < 64; i++) await tx.run(sql`insert into blobs values (randomblob(32768))`);
  });
}

const size = (file: string) => statSync(file).size;

describe('background checkpoints', () => {
  it('a worker copies committed pages into the file without a commit doing it', async () => {
    const { db, file } = fresh('background');
    await write2Mb(db);
    await vi.waitFor(() => expect(size(file)).toBeGreaterThan(2_000_000), {
      timeout: 10_000,
      interval: 50,
    });
    await db.close();
  });

  it('inline, the same write stays in the WAL until SQLite’s own threshold', async () => {
    const { db, file } = fresh('inline');
    await write2Mb(db);
    expect(size(file)).toBeLessThan(1_000_000);
    expect(size(`${file}-wal`)).toBeGreaterThan(2_000_000);
    await db.close();
  });

  it('close() stops the worker and closes the file: the data is all there', async () => {
    const { db, file } = fresh('background');
    await write2Mb(db);
    await db.close();
    const again = openSqlite({ file });
    const [row] = await again.read.all<{ n: number }>(sql`select count(*) as n from blobs`);
    expect(row!.n).toBe(64);
    await again.close();
  });
});

describe('stopping', () => {
  it('close() may be called twice: the second waits for nothing', async () => {
    const { db } = fresh('background');
    await db.close();
    await expect(db.close()).resolves.toBeUndefined();
  });
});
