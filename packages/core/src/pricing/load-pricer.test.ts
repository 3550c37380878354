import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { importEcbRates } from '../fx/import-ecb.js';
import { setManualRate } from '../fx/manual-rate.js';
import { platformContext } from '../tenancy/context.js';
import { loadPricer, loadPricers } from './load-pricer.js';
import { previewPrices } from './preview-prices.js';
import { setFxMargin, setRoundingRule } from './pricing-settings.js';

const DAY = 86_400_000;
const daily = fileURLToPath(
  new URL('../../test/fixtures/ecb/eurofxref-daily.xml', import.meta.url),
);

async function setup(opts: { rates?: boolean } = {}) {
  const clock = fixedClock(new Date('2026-11-25T10:00:00Z'));
  const db: Database = await makeTestDb({ countStatements: true });
  if (opts.rates !== false) await importEcbRates(platformContext(db, { clock }), { file: daily });
  const shop = await makeShop(db, {}, { clock });
  return { db, clock, shop };
}

const amount = (
  r: { ok: boolean } & (
    | { ok: true; amount: { amountMinor: number } }
    | { ok: false; reason: string }
  ),
) => (r.ok ? r.amount.amountMinor : r.reason);

describe('loadPricer', () => {
  it('loads in ≤ 2 statements and prices a 48-product page without more SQL', async () => {
    const { db, shop } = await setup();
    const before = db.stats.statements;
    const pricer = await loadPricer(shop, 'USD');
    expect(db.stats.statements - before).toBeLessThanOrEqual(2);
    const afterLoad = db.stats.statements;
    const prices = Array.from({ length: 48 }, (_, i) =>
      pricer.price({ priceMinor: 8800 + i * 1000 }),
    );
    expect(db.stats.statements).toBe(afterLoad);
    expect(prices.every((p) => p.ok)).toBe(true);

    const many = db.stats.statements;
    const pricers = await loadPricers(shop, ['USD', 'EUR', 'JPY', 'CNY']);
    expect(db.stats.statements - many).toBeLessThanOrEqual(2);
    expect([...pricers.keys()]).toEqual(['USD', 'EUR', 'JPY', 'CNY']);
  });

  it('converts with the default rules: 88 CNY → 1930 JPY (nearest 10), 11.99 USD (.99)', async () => {
    const { shop } = await setup();
    expect(amount((await loadPricer(shop, 'JPY')).price({ priceMinor: 8800 }))).toBe(1930);
    // 88 × 1.1562 / 8.2013 = 12.406 → nearest .99 is 11.99
    const usd = await loadPricer(shop, 'USD');
    const r = usd.price({ priceMinor: 8800 });
    expect(r.ok && r.amount).toEqual({ amountMinor: 1199, currency: 'USD' });
    expect(r.ok && r.provenance).toMatchObject({
      kind: 'converted',
      from: 'CNY',
      rule: 'end-99',
      stale: false,
      marginBps: 0,
    });
    expect(usd.rule).toEqual({
      rounding: 'end-99',
      neverBelow: false,
      marginBps: 0,
      source: 'default',
    });
    expect(usd.note).toEqual({
      from: 'CNY',
      to: 'USD',
      date: '2026-11-24',
      asOf: new Date('2026-11-24T00:00:00Z'),
      rate: '0.1409776499',
      stale: false,
      marginBps: 0,
    });
    // The base currency is the seller's own price; no note.
    const cny = await loadPricer(shop, 'CNY');
    expect(amount(cny.price({ priceMinor: 8800 }))).toBe(8800);
    expect(cny.note).toBeUndefined();
  });

  it('uses the shop’s own rule and margin', async () => {
    const { shop } = await setup();
    await setRoundingRule(shop, { currency: 'USD', rounding: 'end-99', neverBelow: true });
    await setFxMargin(shop, { percent: '5' });
    // 12.406 × 1.05 = 13.03 → never below → 13.99
    const pricer = await loadPricer(shop, 'USD');
    expect(amount(pricer.price({ priceMinor: 8800 }))).toBe(1399);
    expect(pricer.rule).toEqual({
      rounding: 'end-99',
      neverBelow: true,
      marginBps: 500,
      source: 'shop',
    });
  });

  it('a fixed price wins; not offered and unknown currencies are unavailable, never 0', async () => {
    const { shop } = await setup();
    const jpy = await loadPricer(shop, 'JPY');
    expect(amount(jpy.price({ priceMinor: 8800, fixedPrices: { JPY: 2000 } }))).toBe(2000);
    for (const c of ['GBP', 'XYZ', 'usd']) {
      const p = await loadPricer(shop, c);
      expect(p.offered).toBe(false);
      expect(p.conversionUnavailable).toBe('CURRENCY_NOT_OFFERED');
      expect(p.price({ priceMinor: 8800, fixedPrices: { [c]: 5 } })).toEqual({
        ok: false,
        reason: 'CURRENCY_NOT_OFFERED',
      });
    }
  });

  it('without a rate: NO_RATE, while fixed prices still sell', async () => {
    const { shop } = await setup({ rates: false });
    const usd = await loadPricer(shop, 'USD');
    expect(usd.conversionUnavailable).toBe('NO_RATE');
    expect(usd.note).toBeUndefined();
    expect(usd.price({ priceMinor: 8800 })).toEqual({ ok: false, reason: 'NO_RATE' });
    expect(amount(usd.price({ priceMinor: 8800, fixedPrices: { USD: 1500 } }))).toBe(1500);
  });

  it('flags a stale rate, then refuses a too old one', async () => {
    const { shop, clock } = await setup();
    clock.advance(6 * DAY);
    const stale = await loadPricer(shop, 'USD');
    expect(stale.note?.stale).toBe(true);
    const r = stale.price({ priceMinor: 8800 });
    expect(r.ok && r.provenance.kind === 'converted' && r.provenance.stale).toBe(true);
    clock.advance(10 * DAY);
    const old = await loadPricer(shop, 'USD');
    expect(old.conversionUnavailable).toBe('RATE_TOO_OLD');
    expect(old.price({ priceMinor: 8800 })).toEqual({ ok: false, reason: 'RATE_TOO_OLD' });
    const lenient = await loadPricer(shop, 'USD', {
      staleness: { flagAfterMs: DAY, refuseAfterMs: 60 * DAY },
    });
    expect(lenient.price({ priceMinor: 8800 }).ok).toBe(true);
  });

  it("shop B's rules, margin and own rates never change shop A's prices", async () => {
    const { db, clock, shop: a } = await setup();
    const b = await makeShop(db, {}, { clock });
    const before = amount((await loadPricer(a, 'USD')).price({ priceMinor: 8800 }));
    await setRoundingRule(b, { currency: 'USD', rounding: 'step-5' });
    await setFxMargin(b, { marginBps: 2000 });
    await setManualRate(b, { base: 'CNY', quote: 'USD', rate: '1' });
    expect(amount((await loadPricer(a, 'USD')).price({ priceMinor: 8800 }))).toBe(before);
    expect(amount((await loadPricer(b, 'USD')).price({ priceMinor: 8800 }))).toBe(10_500); // 88 × 1.2 = 105.60 → nearest 5 → 105.00
  });

  it("a shop's own manual rate overrides the platform's for that shop", async () => {
    const { shop } = await setup();
    await setManualRate(shop, { base: 'CNY', quote: 'USD', rate: '0.15' });
    const usd = await loadPricer(shop, 'USD');
    expect(usd.rate).toMatchObject({ path: 'direct', shopOwned: true, display: '0.15' });
    expect(amount(usd.price({ priceMinor: 8800 }))).toBe(1299); // 13.20 → 12.99
  });
});

describe('previewPrices', () => {
  it('shows one row per offered currency, base first, with the rule and the unrounded amount', async () => {
    const { db, shop } = await setup();
    const before = db.stats.statements;
    const rows = await previewPrices(shop, 8800, { EUR: 1000 });
    expect(db.stats.statements - before).toBeLessThanOrEqual(2);
    expect(rows.map((r) => [r.currency, amount(r.result)])).toEqual([
      ['CNY', 8800],
      ['USD', 1199],
      ['EUR', 1000],
      ['JPY', 1930],
    ]);
    expect(rows[1]!.beforeRounding).toBe('12.4060');
    expect(rows[3]!.beforeRounding).toBe('1933.65');
    expect(rows[2]!.beforeRounding).toBeUndefined();
    expect(rows[3]!.rule.rounding).toBe('step-10');
  });

  it('rejects a negative or fractional base price', async () => {
    const { shop } = await setup({ rates: false });
    await expect(previewPrices(shop, -1)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(previewPrices(shop, 1.5)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
