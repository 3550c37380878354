import { describe, expect, it } from 'vitest';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { sqliteClient } from '../db/sqlite/open-sqlite.js';
import { AldeaError } from '../errors.js';
import { fxRates, fxRatesLatest } from '../schema/pricing.js';
import { platformContext } from '../tenancy/context.js';
import { createUser } from '../tenancy/users.js';
import { listLatestRates } from './latest-rates.js';
import { type SetManualRateInput, setManualRate } from './manual-rate.js';

async function rejection(p: Promise<unknown>): Promise<AldeaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AldeaError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('setManualRate', () => {
  it('stores an exact, normalised rate as of now; the newest wins and history stays', async () => {
    const clock = fixedClock();
    const ctx = platformContext(await makeTestDb(), { clock });
    const first = await setManualRate(ctx, { base: 'USD', quote: 'MXN', rate: '19.850' });
    expect(first).toMatchObject({
      base: 'USD',
      quote: 'MXN',
      rate: '19.85',
      source: 'manual',
      shopId: null,
    });
    clock.advance(60_000);
    await setManualRate(ctx, { base: 'usd', quote: 'mxn', rate: '19.9' });
    const latest = await listLatestRates(ctx);
    expect(latest.map((r) => r.rate)).toEqual(['19.9']);
    expect(await ctx.db.read.select().from(fxRates)).toHaveLength(2);
  });

  it.each<[string, SetManualRateInput, string]>([
    ['zero', { base: 'USD', quote: 'MXN', rate: '0' }, 'rate'],
    ['negative', { base: 'USD', quote: 'MXN', rate: '-1' }, 'rate'],
    ['exponent', { base: 'USD', quote: 'MXN', rate: '1e999' }, 'rate'],
    ['comma', { base: 'USD', quote: 'MXN', rate: '19,85' }, 'rate'],
    ['too many digits', { base: 'USD', quote: 'MXN', rate: '1.0000000000001' }, 'rate'],
    ['a float', { base: 'USD', quote: 'MXN', rate: 19.85 as unknown as string }, 'rate'],
    ['unknown currency', { base: 'USD', quote: 'XYZ', rate: '1' }, 'quote'],
    ['same currency', { base: 'USD', quote: 'USD', rate: '1' }, 'quote'],
  ])('rejects %s with a VALIDATION naming the field, writing nothing', async (_, input, path) => {
    const ctx = platformContext(await makeTestDb());
    const e = await rejection(setManualRate(ctx, input));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.path)).toContain(path);
    expect(await ctx.db.read.select().from(fxRates)).toHaveLength(0);
  });

  it("stores a shop's own rate for that shop only; shop B cannot set or see shop A's", async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const b = await makeShop(db);
    await setManualRate(a, { base: 'CNY', quote: 'USD', rate: '0.14' });
    expect(
      (
        await rejection(
          setManualRate(b, { base: 'CNY', quote: 'USD', rate: '1', shopId: a.shop.id }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const forA = await listLatestRates(a, { shopId: a.shop.id });
    const forB = await listLatestRates(b, { shopId: b.shop.id });
    expect(forA.map((r) => [r.rate, r.shopId])).toEqual([['0.14', a.shop.id]]);
    expect(forB).toEqual([]);
    expect(await listLatestRates(a)).toEqual([]); // not a platform rate
  });

  it('failed halfway (the audit write fails): neither the rate nor the pointer is saved', async () => {
    const ctx = platformContext(await makeTestDb());
    sqliteClient(ctx.db.read).exec(
      "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END",
    );
    await expect(setManualRate(ctx, { base: 'USD', quote: 'MXN', rate: '20' })).rejects.toThrow(
      'audit down',
    );
    expect(await ctx.db.read.select().from(fxRates)).toHaveLength(0);
    expect(await ctx.db.read.select().from(fxRatesLatest)).toHaveLength(0);
  });

  it('needs settings.write in a shop, and an operator for platform rates', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const staff = { ...shop, role: 'staff' as const };
    expect(
      (await rejection(setManualRate(staff, { base: 'CNY', quote: 'USD', rate: '0.14' }))).code,
    ).toBe('FORBIDDEN');
    const platform = platformContext(db);
    const user = await createUser(platform, { email: 'seller@example.com', name: 'Seller' });
    const asUser = { ...platform, actor: { kind: 'user' as const, userId: user.id } };
    expect(
      (await rejection(setManualRate(asUser, { base: 'USD', quote: 'MXN', rate: '20' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await rejection(
          setManualRate(platform, { base: 'USD', quote: 'MXN', rate: '20', shopId: 'shop_nope' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await db.read.select().from(fxRates)).toHaveLength(0);
  });
});
