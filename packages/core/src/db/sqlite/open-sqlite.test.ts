import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../../test/support/scratch-dir.js';
import { villages } from '../../schema/tenancy.js';
import { openSqlite, sqliteClient } from './open-sqlite.js';

const now = new Date('2026-11-25T00:00:00Z');
const village = (id: string) => ({
  id,
  slug: id,
  country: 'MX',
  defaultLocale: 'es-MX',
  defaultCurrency: 'MXN',
  createdAt: now,
  updatedAt: now,
});

async function freshDb() {
  const file = join(scratchDir('aldea-db'), 'a.db');
  const db = openSqlite({ file });
  await db.migrate();
  return { db, file };
}

describe('openSqlite', () => {
  it('runs with WAL, foreign keys, NORMAL sync and a busy timeout', async () => {
    const { db } = await freshDb();
    const c = sqliteClient(db.read);
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('synchronous', { simple: true })).toBe(1);
    expect(c.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    await db.close();
  });

  it('migrates from empty to head twice without error (idempotent)', async () => {
    const { db, file } = await freshDb();
    await db.migrate();
    await db.close();
    const again = openSqlite({ file });
    await again.migrate();
    const tables = sqliteClient(again.read)
      .prepare("select name from sqlite_master where type = 'table' and name = 'products'")
      .all();
    expect(tables).toHaveLength(1);
    await again.close();
  });

  it('reads never see a transaction that has not committed', async () => {
    const { db } = await freshDb();
    let seenInside = -1;
    await db.transaction(async (tx) => {
      await tx.insert(villages).values(village('vil_a'));
      seenInside = (await db.read.select().from(villages)).length;
    });
    expect(seenInside).toBe(0);
    expect(await db.read.select().from(villages)).toHaveLength(1);
    await db.close();
  });

  it('rolls back everything when the command throws halfway', async () => {
    const { db } = await freshDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(villages).values(village('vil_a'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.read.select().from(villages)).toHaveLength(0);
    await db.close();
  });

  it('serialises concurrent async transactions on the one writer', async () => {
    const { db } = await freshDb();
    await db.transaction((tx) => tx.insert(villages).values(village('vil_counter')));
    // Each transaction reads then writes across an await: without the queue they would interleave.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction(async (tx) => {
          const [row] = await tx.select().from(villages).where(eq(villages.id, 'vil_counter'));
          await Promise.resolve();
          await tx
            .update(villages)
            .set({ slug: `${row!.slug}.` })
            .where(eq(villages.id, 'vil_counter'));
          return i;
        }),
      ),
    );
    const [row] = await db.read.select().from(villages).where(eq(villages.id, 'vil_counter'));
    expect(row!.slug).toBe(`vil_counter${'.'.repeat(50)}`);
    await db.close();
  });

  it('joins a nested transaction through a savepoint that can roll back alone', async () => {
    const { db } = await freshDb();
    await db.transaction(async (tx) => {
      await tx.insert(villages).values(village('vil_outer'));
      await db
        .transaction(async (inner) => {
          await inner.insert(villages).values(village('vil_inner'));
          throw new Error('inner fails');
        })
        .catch(() => undefined);
    });
    const ids = (await db.read.select().from(villages)).map((v) => v.id);
    expect(ids).toEqual(['vil_outer']);
    await db.close();
  });

  it('queues concurrent nested transactions so their savepoints never interleave', async () => {
    const { db } = await freshDb();
    await db.transaction(async () => {
      await Promise.all(
        ['a', 'b', 'c', 'd'].map((s, i) =>
          db
            .transaction(async (inner) => {
              await inner.insert(villages).values(village(`vil_${s}`));
              await Promise.resolve();
              if (i === 2) throw new Error('only c fails');
            })
            .catch(() => undefined),
        ),
      );
    });
    const ids = (await db.read.select().from(villages)).map((v) => v.id).sort();
    expect(ids).toEqual(['vil_a', 'vil_b', 'vil_d']);
    await db.close();
  });

  it('keeps the planner table statistics but drops its per-value samples when opening', async () => {
    const { db, file } = await freshDb();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await tx.insert(villages).values(village(`v${i}`));
    });
    await db.close();
    const raw = new BetterSqlite3(file);
    raw.exec('analyze');
    const count = (table: string) =>
      raw.prepare(`select count(*) from ${table}`).pluck().get() as number;
    expect(count('sqlite_stat4')).toBeGreaterThan(0);
    raw.close();

    const reopened = openSqlite({ file });
    const c = sqliteClient(reopened.read);
    const left = (table: string) =>
      c.prepare(`select count(*) from ${table}`).pluck().get() as number;
    expect(left('sqlite_stat4')).toBe(0);
    expect(left('sqlite_stat1')).toBeGreaterThan(0);
    expect(await reopened.read.select().from(villages).where(eq(villages.id, 'v7'))).toHaveLength(
      1,
    );
    await reopened.close();
  });

  it('opens anyway when another process holds the write lock (the samples wait for the next open)', async () => {
    const { db, file } = await freshDb();
    await db.transaction((tx) => tx.insert(villages).values(village('busy')));
    await db.close();
    const other = new BetterSqlite3(file);
    other.exec('analyze');
    other.exec('begin immediate');
    const reopened = openSqlite({ file, busyTimeoutMs: 10 });
    expect(await reopened.read.select().from(villages)).toHaveLength(1);
    other.exec('rollback');
    expect(other.prepare('select count(*) from sqlite_stat4').pluck().get()).toBeGreaterThan(0);
    other.close();
    await reopened.close();
  });

  it('counts statements when asked', async () => {
    const file = join(scratchDir('aldea-db'), 'a.db');
    const db = openSqlite({ file, countStatements: true });
    await db.migrate();
    const before = db.stats.statements;
    await db.read.select().from(villages);
    await db.read.run(sql`select 1`);
    expect(db.stats.statements - before).toBe(2);
    await db.close();
  });
});
