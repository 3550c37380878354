import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { sqliteClient } from '../db/sqlite/open-sqlite.js';
import { AldeaError } from '../errors.js';
import { auditLog } from '../schema/platform.js';
import { shopPricingSettings, shopRoundingRules } from '../schema/pricing.js';
import {
  getPricingSettings,
  resetRoundingRule,
  type SetRoundingRuleInput,
  setFxMargin,
  setRoundingRule,
} from './pricing-settings.js';

async function rejection(p: Promise<unknown>): Promise<AldeaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AldeaError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('pricing settings', () => {
  it('shows defaults for every converted currency until the shop sets its own', async () => {
    const shop = await makeShop(await makeTestDb());
    expect(await getPricingSettings(shop)).toEqual({
      marginBps: 0,
      rules: [
        { currency: 'USD', rounding: 'end-99', neverBelow: false, marginBps: 0, source: 'default' },
        { currency: 'EUR', rounding: 'end-99', neverBelow: false, marginBps: 0, source: 'default' },
        {
          currency: 'JPY',
          rounding: 'step-10',
          neverBelow: false,
          marginBps: 0,
          source: 'default',
        },
      ],
    });
  });

  it('sets and resets a rule and the margin, audited', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    expect(
      await setRoundingRule(shop, { currency: 'jpy', rounding: 'step-100', neverBelow: true }),
    ).toEqual({
      currency: 'JPY',
      rounding: 'step-100',
      neverBelow: true,
      marginBps: 0,
      source: 'shop',
    });
    expect(await setFxMargin(shop, { percent: '2.5' })).toBe(250);
    expect(await setFxMargin(shop, { marginBps: 300 })).toBe(300);
    const view = await getPricingSettings(shop);
    expect(view.marginBps).toBe(300);
    expect(view.rules.find((r) => r.currency === 'JPY')).toMatchObject({
      rounding: 'step-100',
      source: 'shop',
    });
    await resetRoundingRule(shop, { currency: 'JPY' });
    expect((await getPricingSettings(shop)).rules.find((r) => r.currency === 'JPY')?.source).toBe(
      'default',
    );
    const actions = (
      await db.read.select().from(auditLog).where(eq(auditLog.shopId, shop.shop.id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'pricing.rounding.set',
        'pricing.margin.set',
        'pricing.rounding.reset',
      ]),
    );
  });

  it.each<[string, SetRoundingRuleInput, string, string]>([
    ['.99 for JPY', { currency: 'JPY', rounding: 'end-99' }, 'rounding', 'no cents'],
    [
      'steps of 0.05 for KRW',
      { currency: 'KRW', rounding: 'step-0.05' },
      'rounding',
      'smaller than the currency allows',
    ],
    [
      'an unknown rule',
      { currency: 'USD', rounding: 'end-98' as 'end-99' },
      'rounding',
      'use one of',
    ],
    ['an unknown currency', { currency: 'XYZ', rounding: 'none' }, 'currency', 'unknown currency'],
    ['the base currency', { currency: 'CNY', rounding: 'step-1' }, 'currency', 'never converted'],
  ])('rejects %s and changes nothing', async (_, input, path, text) => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const e = await rejection(setRoundingRule(shop, input));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues[0]?.path).toBe(path);
    expect(e.message).toContain(text);
    expect(await db.read.select().from(shopRoundingRules)).toHaveLength(0);
  });

  it.each([
    [{ marginBps: -1 }],
    [{ marginBps: 2001 }],
    [{ marginBps: 2.5 }],
    [{ percent: '20.5' }],
    [{ percent: '2.555' }],
    [{ percent: 'abc' }],
    [{}],
  ])('rejects margin %j', async (input) => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    expect((await rejection(setFxMargin(shop, input as { marginBps: number }))).code).toBe(
      'VALIDATION',
    );
    expect(await db.read.select().from(shopPricingSettings)).toHaveLength(0);
  });

  it('failed halfway (the audit write fails): the rule and margin are not saved', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    sqliteClient(db.read).exec(
      "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END",
    );
    await expect(setRoundingRule(shop, { currency: 'USD', rounding: 'step-1' })).rejects.toThrow(
      'audit down',
    );
    await expect(setFxMargin(shop, { marginBps: 100 })).rejects.toThrow('audit down');
    expect(await db.read.select().from(shopRoundingRules)).toHaveLength(0);
    expect(await db.read.select().from(shopPricingSettings)).toHaveLength(0);
  });

  it('is owner work: staff get FORBIDDEN, strangers NOT_FOUND; shop B never sees A’s settings', async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const b = await makeShop(db);
    await setFxMargin(a, { marginBps: 500 });
    await setRoundingRule(a, { currency: 'USD', rounding: 'step-1' });
    const staff = { ...a, role: 'staff' as const };
    const stranger = { ...a, role: 'none' as const };
    expect(
      (await rejection(setRoundingRule(staff, { currency: 'USD', rounding: 'none' }))).code,
    ).toBe('FORBIDDEN');
    expect((await rejection(setFxMargin(staff, { marginBps: 0 }))).code).toBe('FORBIDDEN');
    expect((await rejection(resetRoundingRule(stranger, { currency: 'USD' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(getPricingSettings(stranger))).code).toBe('NOT_FOUND');
    const seenByB = await getPricingSettings(b);
    expect(seenByB.marginBps).toBe(0);
    expect(seenByB.rules.every((r) => r.source === 'default')).toBe(true);
    await resetRoundingRule(b, { currency: 'USD' });
    expect((await getPricingSettings(a)).rules.find((r) => r.currency === 'USD')?.source).toBe(
      'shop',
    );
  });
});
