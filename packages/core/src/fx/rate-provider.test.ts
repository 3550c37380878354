import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { AldeaError } from '../errors.js';
import { auditLog } from '../schema/platform.js';
import { fxRates } from '../schema/pricing.js';
import { type PlatformContext, platformContext } from '../tenancy/context.js';
import { listLatestRates } from './latest-rates.js';
import {
  ecbRateProvider,
  type FxRateBatch,
  type FxRateProvider,
  importFxRates,
} from './rate-provider.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const ecbFile = fileURLToPath(
  new URL('../../test/fixtures/ecb/eurofxref-daily.xml', import.meta.url),
);

async function freshPlatform(actor?: PlatformContext['actor']): Promise<PlatformContext> {
  return platformContext(await makeTestDb(), {
    clock: fixedClock(NOW),
    ...(actor ? { actor } : {}),
  });
}

function feed(batches: FxRateBatch[] | (() => Promise<FxRateBatch[]>)): FxRateProvider {
  return {
    name: 'test-feed',
    source: 'manual',
    fetchRates: typeof batches === 'function' ? batches : async () => batches,
  };
}

async function rejection(p: Promise<unknown>): Promise<AldeaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AldeaError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

async function storedRates(ctx: PlatformContext) {
  return ctx.db.read.select().from(fxRates);
}

describe('importFxRates with a custom provider', () => {
  it('stores every rate exactly, moves the latest rate, and audits the provider', async () => {
    const ctx = await freshPlatform();
    const result = await importFxRates(
      ctx,
      feed([
        {
          base: 'usd',
          asOf: new Date('2026-11-25T08:00:00Z'),
          rates: [
            { currency: 'MXN', rate: '19.850' },
            { currency: 'CNY', rate: '7.1' },
          ],
        },
      ]),
    );
    expect(result).toEqual({
      provider: 'test-feed',
      batches: 1,
      inserted: 2,
      unchanged: 0,
      latestAsOf: new Date('2026-11-25T08:00:00Z'),
    });
    const latest = await listLatestRates(ctx);
    expect(latest.map((r) => [r.base, r.quote, r.rate, r.source]).sort()).toEqual([
      ['USD', 'CNY', '7.1', 'manual'],
      ['USD', 'MXN', '19.85', 'manual'],
    ]);
    const [audit] = await ctx.db.read.select().from(auditLog);
    expect(audit?.action).toBe('fx.import');
    expect(audit?.entityId).toBe('test-feed:2026-11-25T08:00:00.000Z');
  });

  it('refuses a bad batch, naming it, and stores nothing of the good ones', async () => {
    const ctx = await freshPlatform();
    const err = await rejection(
      importFxRates(
        ctx,
        feed([
          { base: 'USD', asOf: NOW, rates: [{ currency: 'MXN', rate: '19.85' }] },
          {
            base: 'USD',
            asOf: NOW,
            rates: [
              { currency: 'CNY', rate: '7.1' },
              { currency: 'EUR', rate: '1e3' },
            ],
          },
        ]),
      ),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.issues.map((i) => i.path)).toEqual(['1.rates.1.rate']);
    const same = feed([{ base: 'USD', asOf: NOW, rates: [{ currency: 'usd', rate: '1' }] }]);
    expect((await rejection(importFxRates(ctx, same))).issues.map((i) => i.path)).toEqual([
      '0.rates.0.currency',
    ]);
    expect(await storedRates(ctx)).toEqual([]);
  });

  it('refuses rates dated in the future, an empty feed, and a float smuggled in as a number', async () => {
    const ctx = await freshPlatform();
    const future = new Date(NOW.getTime() + 2 * 86_400_000);
    const rates = [{ currency: 'MXN', rate: '19.85' }];
    expect(
      (await rejection(importFxRates(ctx, feed([{ base: 'USD', asOf: future, rates }])))).issues,
    ).toEqual([{ path: '0.asOf', message: 'dated in the future', code: 'future' }]);
    expect((await rejection(importFxRates(ctx, feed([])))).code).toBe('VALIDATION');
    const float = [{ base: 'USD', asOf: NOW, rates: [{ currency: 'MXN', rate: 19.85 }] }];
    expect(
      (await rejection(importFxRates(ctx, feed(float as unknown as FxRateBatch[])))).issues[0]
        ?.path,
    ).toBe('0.rates.0.rate');
    expect(await storedRates(ctx)).toEqual([]);
  });

  it('passes on what the provider threw, with nothing stored', async () => {
    const ctx = await freshPlatform();
    const down = feed(async () => {
      throw new AldeaError('INTERNAL', 'feed unavailable');
    });
    expect((await rejection(importFxRates(ctx, down))).message).toBe('feed unavailable');
    expect(await storedRates(ctx)).toEqual([]);
  });

  it('is for operators only: a buyer never reaches the provider', async () => {
    const ctx = await freshPlatform({ kind: 'buyer' });
    let fetched = false;
    const watched = feed(async () => {
      fetched = true;
      return [];
    });
    expect((await rejection(importFxRates(ctx, watched))).code).toBe('NOT_FOUND');
    expect(fetched).toBe(false);
  });
});

describe('ecbRateProvider', () => {
  it('reads a daily file as one EUR batch, and a second import of the day stores nothing new', async () => {
    const ctx = await freshPlatform();
    const ecb = ecbRateProvider({ file: ecbFile });
    const first = await importFxRates(ctx, ecb);
    expect(first).toMatchObject({ provider: 'ecb', batches: 1, inserted: 29, unchanged: 0 });
    const again = await importFxRates(ctx, ecb);
    expect(again).toMatchObject({ inserted: 0, unchanged: 29 });
    const rows = await storedRates(ctx);
    expect(new Set(rows.map((r) => `${r.base}/${r.source}`))).toEqual(new Set(['EUR/ecb']));
  });

  it('fails closed on a malformed file', async () => {
    const ctx = await freshPlatform();
    const bad = ecbRateProvider({ xml: '<html>maintenance</html>' });
    expect((await rejection(importFxRates(ctx, bad))).code).toBe('VALIDATION');
    expect(await storedRates(ctx)).toEqual([]);
  });
});
