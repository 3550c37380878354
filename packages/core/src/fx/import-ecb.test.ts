import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { sqliteClient } from '../db/sqlite/open-sqlite.js';
import { AldeaError } from '../errors.js';
import { auditLog } from '../schema/platform.js';
import { fxRates, fxRatesLatest } from '../schema/pricing.js';
import { type PlatformContext, platformContext } from '../tenancy/context.js';
import { createUser } from '../tenancy/users.js';
import { importEcbRates } from './import-ecb.js';
import { listLatestRates } from './latest-rates.js';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/ecb/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

async function freshPlatform(now = '2026-11-25T10:00:00Z'): Promise<PlatformContext> {
  return platformContext(await makeTestDb(), { clock: fixedClock(new Date(now)) });
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

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/daily.xml') res.end(fixture('eurofxref-daily.xml'));
    else if (req.url === '/bad.xml') res.end(fixture('malformed/zero-rate.xml'));
    else if (req.url === '/huge.xml') {
      res.write(fixture('eurofxref-daily.xml').slice(0, 200));
      res.end(`<!-- ${'x'.repeat(64 * 1024)} -->`);
    } else {
      res.statusCode = 503;
      res.end('<html>down</html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('importEcbRates', () => {
  it('imports a daily file: 29 EUR-based rates, audited', async () => {
    const ctx = await freshPlatform();
    const result = await importEcbRates(ctx, { file: fixturePath('eurofxref-daily.xml') });
    expect(result).toEqual({
      days: 1,
      inserted: 29,
      unchanged: 0,
      latestDay: '2026-11-24',
      ignoredCurrencies: [],
    });
    const latest = await listLatestRates(ctx);
    expect(latest).toHaveLength(29);
    const usd = latest.find((r) => r.quote === 'USD')!;
    expect(usd).toMatchObject({
      base: 'EUR',
      rate: '1.1562',
      source: 'ecb',
      shopId: null,
      freshness: 'fresh',
    });
    expect(usd.id).toMatch(/^fx_/);
    const audit = await ctx.db.read.select().from(auditLog).where(eq(auditLog.action, 'fx.import'));
    expect(audit).toHaveLength(1);
  });

  it('keeps history, the newest day wins, and re-importing changes nothing', async () => {
    const ctx = await freshPlatform();
    await importEcbRates(ctx, { xml: fixture('eurofxref-hist-3d.xml') });
    const again = await importEcbRates(ctx, { file: fixturePath('eurofxref-daily.xml') });
    expect(again).toMatchObject({ inserted: 0, unchanged: 29 });
    expect(await ctx.db.read.select().from(fxRates)).toHaveLength(3 * 29);
    const usd = (await listLatestRates(ctx)).find((r) => r.quote === 'USD')!;
    expect(usd.rate).toBe('1.1562');
    expect(usd.asOf.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('importing older history later never moves the latest rate back', async () => {
    const ctx = await freshPlatform();
    await importEcbRates(ctx, { file: fixturePath('eurofxref-daily.xml') });
    const older = fixture('eurofxref-hist-3d.xml').replace(
      /<Cube time='2026-11-24'>[\s\S]*?<\/Cube>\s*<Cube time/,
      '<Cube time',
    );
    expect((await importEcbRates(ctx, { xml: older })).inserted).toBe(2 * 29);
    const usd = (await listLatestRates(ctx)).find((r) => r.quote === 'USD')!;
    expect([usd.rate, usd.asOf.toISOString().slice(0, 10)]).toEqual(['1.1562', '2026-11-24']);
  });

  it('fetches from a URL the operator configures', async () => {
    const ctx = await freshPlatform();
    expect((await importEcbRates(ctx, { url: `${baseUrl}/daily.xml` })).inserted).toBe(29);
  });

  it('fails closed: a malformed file, HTTP error or oversized body leaves the previous rates', async () => {
    const ctx = await freshPlatform();
    await importEcbRates(ctx, { file: fixturePath('eurofxref-hist-3d.xml') });
    const before = await listLatestRates(ctx);

    expect(
      (
        await rejection(
          importEcbRates(ctx, { file: fixturePath('malformed/duplicate-currency.xml') }),
        )
      ).code,
    ).toBe('VALIDATION');
    expect((await rejection(importEcbRates(ctx, { url: `${baseUrl}/bad.xml` }))).code).toBe(
      'VALIDATION',
    );
    expect(
      (await rejection(importEcbRates(ctx, { url: `${baseUrl}/down.xml` }))).message,
    ).toContain('HTTP 503');
    const huge = await rejection(
      importEcbRates(ctx, { url: `${baseUrl}/huge.xml` }, { maxBytes: 10_000 }),
    );
    expect(huge.issues[0]?.code).toBe('too_big');
    const bigFile = await rejection(
      importEcbRates(ctx, { file: fixturePath('eurofxref-hist-3d.xml') }, { maxBytes: 100 }),
    );
    expect(bigFile.issues[0]?.code).toBe('too_big');
    expect((await rejection(importEcbRates(ctx, { file: '/nonexistent/ecb.xml' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(importEcbRates(ctx, { url: 'file:///etc/passwd' }))).code).toBe(
      'VALIDATION',
    );
    expect((await rejection(importEcbRates(ctx, { xml: '\u00ff'.repeat(10) }))).code).toBe(
      'VALIDATION',
    );

    expect(await listLatestRates(ctx)).toEqual(before);
    expect(await ctx.db.read.select().from(fxRates)).toHaveLength(3 * 29);
  });

  it('failed halfway (the audit write fails after the rates): nothing is saved', async () => {
    const ctx = await freshPlatform();
    sqliteClient(ctx.db.read).exec(
      "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END",
    );
    await expect(importEcbRates(ctx, { file: fixturePath('eurofxref-daily.xml') })).rejects.toThrow(
      'audit down',
    );
    expect(await ctx.db.read.select().from(fxRates)).toHaveLength(0);
    expect(await ctx.db.read.select().from(fxRatesLatest)).toHaveLength(0);
  });

  it('refuses a file dated in the future (a broken feed), writing nothing', async () => {
    const ctx = await freshPlatform('2026-11-20T10:00:00Z');
    const e = await rejection(importEcbRates(ctx, { file: fixturePath('eurofxref-hist-3d.xml') }));
    expect(e.issues[0]).toMatchObject({ code: 'future', path: 'Cube[time=2026-11-23]' });
    expect(await ctx.db.read.select().from(fxRates)).toHaveLength(0);
  });

  it('skips retired currencies of old history files and reports them', async () => {
    const ctx = await freshPlatform('2026-01-05T10:00:00Z');
    const r = await importEcbRates(ctx, { file: fixturePath('eurofxref-hist-bgn.xml') });
    expect(r.ignoredCurrencies).toEqual(['BGN']);
    expect(r.inserted).toBe(2 * 29);
  });

  it('is for operators: another signed-in user gets NOT_FOUND and nothing is written', async () => {
    const ctx = await freshPlatform();
    const { id } = await createUser(ctx, { email: 'artisan@example.com', name: 'Artisan' });
    const asUser = { ...ctx, actor: { kind: 'user' as const, userId: id } };
    expect(
      (await rejection(importEcbRates(asUser, { xml: fixture('eurofxref-daily.xml') }))).code,
    ).toBe('NOT_FOUND');
    const op = await createUser(ctx, {
      email: 'op@example.com',
      name: 'Operator',
      isOperator: true,
    });
    const asOperator = { ...ctx, actor: { kind: 'user' as const, userId: op.id } };
    expect(
      (await importEcbRates(asOperator, { xml: fixture('eurofxref-daily.xml') })).inserted,
    ).toBe(29);
  });
});
