import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { makeProduct } from '../../../test/support/catalog-factories.js';
import { makeTestDb } from '../../../test/support/test-db.js';
import { setManualRate } from '../../fx/manual-rate.js';
import { cohortShops } from '../../schema/onboarding.js';
import { createShop, shopContext } from '../../tenancy/shops.js';
import { createCohort } from '../cohorts.js';
import { setPreOnlinePrice } from '../pre-online-prices.js';
import { insertOrder } from '../testing/orders.js';
import { person, twoVillages, uniq } from '../testing/world.js';
import { impactReportCsv } from './impact-csv.js';
import { impactReport } from './impact-report.js';

const DAY = 24 * 60 * 60_000;

/**
 * Comonfort, in MXN. Rates (platform, manual): from day 0, 1 EUR = 20 MXN =
 * 1.1 USD, so 1 MXN = 0.055 USD; from day 10, 1 EUR = 1.2 USD, so 1 MXN = 0.06 USD.
 *
 * Shop A (live since day 0):
 *   order 1, day 1: 70.00 USD (1 MXN = 0.055 USD locked)          → 70.00 USD
 *   order 2, day 2: 1,200.00 MXN                                   → 1200 × 0.055 = 66.00 USD
 *   order 3, day 3: 50.00 EUR (1 MXN = 0.05 EUR locked)            → 1000 MXN → 55.00 USD
 *   = 3 orders, 191.00 USD, average 63.666… → 63.67 USD; first sale day 1
 * Shop B (onboarding):
 *   order 4, day 11: 1,000.00 MXN (day-10 rate)                    → 60.00 USD
 *   order 5, day 12: 40.00 EUR, refunded in full                   → not a sale
 *   order 6, day 13: 900.00 MXN, never paid                        → not a sale
 *   = 1 order, 60.00 USD; first sale day 11
 * Village: 4 orders, 251.00 USD, average 62.75 USD, 1 of 2 shops live.
 * Uplift: A's molcajete sold before at 9.00 USD; online it sold (order 1) at 70.00 USD: +678 %.
 */
async function comonfortWithSales() {
  const db = await makeTestDb();
  const w = await twoVillages(db);
  const t0 = w.clock.now();
  const at = (days: number) => new Date(t0.getTime() + days * DAY);
  const shop = async (status: 'live' | 'onboarding') => {
    const ref = await createShop(w.system, {
      villageId: w.comonfort.id,
      slug: `taller-${uniq()}`,
      baseCurrency: 'MXN',
      defaultLocale: 'es-MX',
      status,
      texts: { 'es-MX': { name: status === 'live' ? 'Taller A' : 'Taller B' } },
    });
    return shopContext(w.system, ref.id);
  };
  const a = await shop('live');
  const b = await shop('onboarding');
  const molcajete = await makeProduct(a, { texts: { 'es-MX': { title: 'Molcajete' } } });
  const salsera = await makeProduct(a, { texts: { 'es-MX': { title: 'Salsera' } } });
  const line = (productId: string, unitMinor: number) => [{ productId, quantity: 1, unitMinor }];
  w.clock.advance(DAY);
  await insertOrder(db, a.shop, {
    currency: 'USD',
    fxRate: '0.055',
    at: at(1),
    lines: line(molcajete.id, 7000),
  });
  await insertOrder(db, a.shop, { currency: 'MXN', at: at(2), lines: line(salsera.id, 120000) });
  await insertOrder(db, a.shop, {
    currency: 'EUR',
    fxRate: '0.05',
    at: at(3),
    shipped: true,
    lines: line(salsera.id, 5000),
  });
  w.clock.advance(9 * DAY);
  await setManualRate(w.system, { base: 'EUR', quote: 'USD', rate: '1.2' });
  await insertOrder(db, b.shop, { currency: 'MXN', at: at(11), lines: line('prod_x', 100000) });
  await insertOrder(db, b.shop, {
    currency: 'EUR',
    fxRate: '0.05',
    at: at(12),
    refundMinor: 4000,
    lines: line('prod_x', 4000),
  });
  await insertOrder(db, b.shop, {
    currency: 'MXN',
    at: at(13),
    paid: false,
    lines: line('prod_x', 90000),
  });
  await setPreOnlinePrice(a, {
    productId: molcajete.id,
    price: '9',
    currency: 'USD',
    note: 'at the Sunday market',
  });
  return { db, w, a, b, at };
}

describe('impact report', () => {
  it('totals a village in USD, each order at its own locked rate (checked by hand)', async () => {
    const { w, a, b, at } = await comonfortWithSales();
    const r = await impactReport(w.mariana, { villageId: w.comonfort.id, currency: 'USD' });
    expect(r.scope).toEqual({ kind: 'village', id: w.comonfort.id, name: 'Comonfort' });
    expect(
      r.shops.map((s) => [
        s.shopId,
        s.orders,
        s.salesMinor,
        s.averageOrderMinor,
        s.firstSaleAt,
        s.unconverted,
      ]),
    ).toEqual([
      [a.shop.id, 3, 19100, 6367, at(1), 0],
      [b.shop.id, 1, 6000, 6000, at(11), 0],
    ]);
    expect(r.totals).toMatchObject({
      shops: 2,
      shopsLive: 1,
      productsListed: 2,
      orders: 4,
      salesMinor: 25100,
      averageOrderMinor: 6275,
      firstSaleAt: at(1),
      unconverted: 0,
      uplift: { items: 1, beforeMinor: 900, onlineMinor: 7000, percent: 678 },
    });
    // Day 0 is 25 November: shop B's sale falls in December.
    expect(r.months).toEqual([
      { month: '2026-11', orders: 3, salesMinor: 19100 },
      { month: '2026-12', orders: 1, salesMinor: 6000 },
    ]);
  });

  it('reports the same sales in MXN and EUR with the same locked rates', async () => {
    const { w } = await comonfortWithSales();
    // MXN: 70 USD ÷ 0.055 = 1272.727… → 1272.73; 1200.00; 50 EUR ÷ 0.05 = 1000.00; 1000.00.
    const mxn = await impactReport(w.mariana, { villageId: w.comonfort.id, currency: 'MXN' });
    expect(mxn.totals.salesMinor).toBe(127273 + 120000 + 100000 + 100000);
    // EUR: 1272.72727… MXN × 0.05 = 63.6363… → 63.64; 1200 × 0.05 = 60.00; 50.00; 1000 × 0.05 = 50.00.
    const eur = await impactReport(w.mariana, { villageId: w.comonfort.id, currency: 'EUR' });
    expect(eur.totals.salesMinor).toBe(6364 + 6000 + 5000 + 5000);
  });

  it('counts orders it cannot convert instead of guessing', async () => {
    const { w } = await comonfortWithSales();
    const r = await impactReport(w.mariana, { villageId: w.comonfort.id, currency: 'JPY' });
    expect(r.totals).toMatchObject({ orders: 0, salesMinor: 0, unconverted: 4 });
  });

  it('reports a cohort, and writes a formula-safe CSV in the trainer language', async () => {
    const { db, w, a } = await comonfortWithSales();
    const cohort = await createCohort(w.mariana, { villageId: w.comonfort.id, name: '=Primavera' });
    await db.transaction((tx) =>
      tx
        .insert(cohortShops)
        .values({ cohortId: cohort.id, shopId: a.shop.id, joinedAt: w.clock.now() }),
    );
    const r = await impactReport(w.mariana, { cohortId: cohort.id, currency: 'USD' });
    expect(r.totals).toMatchObject({ shops: 1, orders: 3, salesMinor: 19100 });
    const csv = impactReportCsv(r, 'es-MX');
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['tienda', 'dirección', 'estado']);
    expect(rows[1]).toContain('191');
    expect(rows[2]![0]).toBe('Total');
  });

  it('is for the village trainers and operators only', async () => {
    const { db, w } = await comonfortWithSales();
    await expect(
      impactReport(w.zhang, { villageId: w.comonfort.id, currency: 'USD' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stranger = await person(db, w.clock);
    await expect(
      impactReport(stranger, { villageId: w.comonfort.id, currency: 'USD' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      impactReport(w.mariana, { villageId: w.comonfort.id, currency: 'XYZ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
