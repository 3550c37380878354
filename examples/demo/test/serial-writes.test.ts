import { createVillage, listVillages, platformContext } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { serialWrites, settleEach } from '../src/serial-writes.ts';
import { freshDemoDb } from './support.ts';

const village = (slug: string) => ({
  slug,
  country: 'MX',
  defaultLocale: 'es-MX' as const,
  defaultCurrency: 'MXN',
  texts: { 'es-MX': { name: slug } },
});

describe('serialWrites', () => {
  it('lets commands started at once inside one transaction all land', async () => {
    const { db } = await freshDemoDb();
    await db.transaction(async () => {
      const ctx = platformContext(serialWrites(db));
      await Promise.all(['a1', 'a2', 'a3', 'a4'].map((s) => createVillage(ctx, village(s))));
    });
    const slugs = (await listVillages(platformContext(db))).map((v) => v.slug);
    expect(slugs).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('lets a transaction inside a turn join it instead of waiting behind itself', async () => {
    const { db } = await freshDemoDb();
    const sdb = serialWrites(db);
    const result = await db.transaction(() =>
      sdb.transaction(() => sdb.transaction(async () => 'nested')),
    );
    expect(result).toBe('nested');
  });

  it('keeps nothing when one of the concurrent commands fails and the outer transaction throws', async () => {
    const { db } = await freshDemoDb();
    const err = await db
      .transaction(async () => {
        const ctx = platformContext(serialWrites(db));
        await settleEach(['b1', 'b2', 'b1', 'b3'], 2, (s) => createVillage(ctx, village(s)));
      })
      .catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('CONFLICT');
    expect(await listVillages(platformContext(db))).toEqual([]);
  });
});

describe('settleEach', () => {
  it('runs at most `limit` at a time and keeps the order of the results', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await settleEach([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      for (let i = 0; i < n; i++) await Promise.resolve();
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('lets started items finish, starts no new ones, then throws the first error', async () => {
    const finished: number[] = [];
    const err = await settleEach([1, 2, 3, 4, 5], 2, async (n) => {
      for (let i = 0; i < n; i++) await Promise.resolve();
      if (n === 1) throw new Error('one failed');
      finished.push(n);
      return n;
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('one failed');
    expect(finished).toEqual([2]);
  });
});
