import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database, Db } from '../db/database.js';
import { inOrderBatch } from './order-batch.js';

class Refused extends Error {}

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function setup() {
  db = await makeTestDb();
  await db.transaction((tx) =>
    tx.run(sql`create table placed (n integer primary key, step text not null)`),
  );
  return db;
}

/** An order that writes two rows, and is refused between them when `refuse` says so. */
function order(n: number, refuse = false) {
  return async (tx: Db) => {
    await tx.run(sql`insert into placed (n, step) values (${n}, 'first')`);
    if (refuse) throw new Refused(`order ${n} refused`);
    await tx.run(sql`insert into placed (n, step) values (${n + 1000}, 'second')`);
    return n;
  };
}

async function rows(d: Database): Promise<number[]> {
  const found = await d.read.all<{ n: number }>(sql`select n from placed order by n`);
  return found.map((r) => r.n);
}

describe('inOrderBatch (group commit)', () => {
  it('writes orders that arrive together, each all or nothing', async () => {
    const d = await setup();
    const results = await Promise.all([1, 2, 3].map((n) => inOrderBatch(d, order(n))));
    expect(results).toEqual([1, 2, 3]);
    expect(await rows(d)).toEqual([1, 2, 3, 1001, 1002, 1003]);
  });

  it('a refused order in a batch undoes only its own rows; the others are placed', async () => {
    const d = await setup();
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => inOrderBatch(d, order(n, n === 3))),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const refused = outcomes[2] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Refused);
    expect(await rows(d)).toEqual([1, 2, 4, 1001, 1002, 1004]);
  });

  it('keeps every order right while refusals keep coming, and after they stop', async () => {
    const d = await setup();
    for (let round = 0; round < 8; round++) {
      const base = round * 10;
      const refuse = round < 5; // refusals for a while (the careful batches), then none
      const outcomes = await Promise.allSettled(
        [1, 2, 3].map((k) => inOrderBatch(d, order(base + k, refuse && k === 2))),
      );
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        refuse ? 'rejected' : 'fulfilled',
        'fulfilled',
      ]);
    }
    const all = await rows(d);
    for (let round = 0; round < 8; round++) {
      const base = round * 10;
      expect(all.includes(base + 2)).toBe(round >= 5);
      expect(all.includes(base + 1) && all.includes(base + 3)).toBe(true);
    }
  });

  it('a batch of one that is refused saves nothing of it', async () => {
    const d = await setup();
    await expect(inOrderBatch(d, order(7, true))).rejects.toThrow('order 7 refused');
    expect(await rows(d)).toEqual([]);
  });
});
