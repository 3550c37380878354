import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../test/support/test-db.js';
import { knownUntilWrite, memoUntilWrite } from './memo-until-write.js';
import { openSqlite } from './sqlite/open-sqlite.js';

/** A counter of how often `read` ran, and a read that returns it. */
function counted() {
  let reads = 0;
  return { reads: () => reads, read: async () => ++reads };
}

describe('memoUntilWrite', () => {
  it('reads once between two commits, again after one', async () => {
    const db = await makeTestDb();
    const c = counted();
    expect(await memoUntilWrite(db, 'k', c.read)).toBe(1);
    expect(await memoUntilWrite(db, 'k', c.read)).toBe(1);
    expect(await memoUntilWrite(db, 'other', c.read)).toBe(2);
    await db.transaction((tx) => tx.run(sql`create table t (a)`));
    expect(await memoUntilWrite(db, 'k', c.read)).toBe(3);
    expect(c.reads()).toBe(3);
  });

  it('sees a commit from another process (another connection to the file) from the next turn', async () => {
    const db = await makeTestDb();
    const c = counted();
    await memoUntilWrite(db, 'k', c.read);
    const file = (db.read as unknown as { $client: BetterSqlite3.Database }).$client.name;
    const other = new BetterSqlite3(file);
    other.exec('create table elsewhere (a)');
    other.close();
    // Seen from the next turn of the event loop (the mark is read once a turn).
    await new Promise((resolve) => setImmediate(resolve));
    expect(await memoUntilWrite(db, 'k', c.read)).toBe(2);
  });

  it('a rolled-back transaction changes nothing, so nothing is read again', async () => {
    const db = await makeTestDb();
    const c = counted();
    await memoUntilWrite(db, 'k', c.read);
    await expect(
      db.transaction(async (tx) => {
        await tx.run(sql`create table gone (a)`);
        throw new Error('halfway');
      }),
    ).rejects.toThrow('halfway');
    expect(await memoUntilWrite(db, 'k', c.read)).toBe(1);
  });

  it('always reads an in-memory database, which cannot tell', async () => {
    const db = openSqlite({ file: ':memory:' });
    const c = counted();
    await memoUntilWrite(db, 'k', c.read);
    await memoUntilWrite(db, 'k', c.read);
    expect(c.reads()).toBe(2);
    expect(db.changeMark()).toBeUndefined();
    await db.close();
  });

  it('a value read while a commit lands is not kept under the newer mark', async () => {
    const db = await makeTestDb();
    let reads = 0;
    const slow = async () => {
      reads++;
      // Another request commits while this one is still reading.
      await db.transaction((tx) => tx.run(sql`create table if not exists during (a)`));
      return reads;
    };
    await memoUntilWrite(db, 'k', slow);
    await memoUntilWrite(db, 'k', async () => ++reads);
    expect(reads).toBe(2);
  });

  it('callers arriving while a read is pending share it', async () => {
    const db = await makeTestDb();
    const c = counted();
    const all = await Promise.all(
      Array.from({ length: 20 }, () => memoUntilWrite(db, 'k', c.read)),
    );
    expect(all).toEqual(Array.from({ length: 20 }, () => 1));
    expect(c.reads()).toBe(1);
  });

  it('a failed read is not kept: the next call reads again', async () => {
    const db = await makeTestDb();
    await expect(
      memoUntilWrite(db, 'k', async () => {
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(await memoUntilWrite(db, 'k', async () => 'fine')).toBe('fine');
  });

  it('knows a finished read without waiting, until the next commit', async () => {
    const db = await makeTestDb();
    expect(knownUntilWrite(db, 'k')).toBeUndefined();
    const pending = memoUntilWrite(db, 'k', async () => 'v1');
    expect(knownUntilWrite(db, 'k')).toBeUndefined(); // still reading
    await pending;
    expect(knownUntilWrite(db, 'k')).toBe('v1');
    expect(knownUntilWrite(db, 'other')).toBeUndefined();
    await db.transaction((tx) => tx.run(sql`create table t (a)`));
    expect(knownUntilWrite(db, 'k')).toBeUndefined();
  });

  it('knows nothing of a failed read, nor of an in-memory database', async () => {
    const db = await makeTestDb();
    await memoUntilWrite(db, 'k', async () => {
      throw new Error('disk on fire');
    }).catch(() => undefined);
    expect(knownUntilWrite(db, 'k')).toBeUndefined();
    const memory = openSqlite({ file: ':memory:' });
    await memoUntilWrite(memory, 'k', async () => 'v');
    expect(knownUntilWrite(memory, 'k')).toBeUndefined();
    await memory.close();
  });
});
