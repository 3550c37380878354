import { describe, expect, it } from 'vitest';
import { contextAs } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { auditLog } from '../schema/platform.js';
import { matchRates } from './match-rates.js';
import { createShippingRate, deleteShippingRate, updateShippingRate } from './shipping-rates.js';
import {
  createShippingZone,
  deleteShippingZone,
  listShippingZones,
  updateShippingZone,
} from './shipping-zones.js';

const db = await makeTestDb();

async function worldZone(ctx: Awaited<ReturnType<typeof makeShop>>) {
  const zone = await createShippingZone(ctx, { name: 'World', countries: ['*'] });
  const light = await createShippingRate(ctx, {
    zoneId: zone.id,
    name: { en: 'Small parcel' },
    maxWeightGrams: 2000,
    amountMinor: 9000,
    freeOverMinor: 100000,
    deliveryDaysMin: 7,
    deliveryDaysMax: 14,
  });
  const heavy = await createShippingRate(ctx, {
    zoneId: zone.id,
    name: { en: 'Heavy parcel' },
    minWeightGrams: 2000,
    amountMinor: 30000,
    deliveryDaysMin: 10,
    deliveryDaysMax: 20,
  });
  return { zone, light, heavy };
}

describe('shipping zones and rates', () => {
  it('rates by weight band: a 250 g bag of nuts is not a 4 kg molcajete', async () => {
    const ctx = await makeShop(db);
    const cn = await createShippingZone(ctx, { name: '中国', countries: ['CN'], taxRateBps: 1300 });
    await createShippingRate(ctx, {
      zoneId: cn.id,
      name: { 'zh-CN': '顺丰' },
      amountMinor: 1200,
      deliveryDaysMin: 1,
      deliveryDaysMax: 3,
    });
    const { light, heavy } = await worldZone(ctx);
    const zones = await listShippingZones(ctx);
    expect(zones.map((z) => z.name)).toEqual(['中国', 'World']);
    expect(matchRates(zones, 'BE', 250, 8800).map((m) => [m.rate.id, m.free])).toEqual([
      [light.id, false],
    ]);
    expect(matchRates(zones, 'BE', 4000, 8800).map((m) => m.rate.id)).toEqual([heavy.id]);
    expect(matchRates(zones, 'BE', 1999, 150000).map((m) => [m.rate.id, m.free])).toEqual([
      [light.id, true],
    ]);
    expect(matchRates(zones, 'CN', 4000, 0)[0]!.zone.taxRateBps).toBe(1300);
  });

  it('a country is in one zone only', async () => {
    const ctx = await makeShop(db);
    const eu = await createShippingZone(ctx, { name: 'EU', countries: ['BE', 'DE'] });
    await expect(
      createShippingZone(ctx, { name: 'Benelux', countries: ['be', 'NL'] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'countries' }],
    });
    const nl = await createShippingZone(ctx, { name: 'NL', countries: ['NL'] });
    await expect(updateShippingZone(ctx, nl.id, { countries: ['DE'] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      (await updateShippingZone(ctx, eu.id, { countries: ['BE', 'DE', 'FR'] })).countries,
    ).toEqual(['BE', 'DE', 'FR']);
  });

  it('refuses bad input: unknown countries, tax over 100 %, an empty band, negative prices', async () => {
    const ctx = await makeShop(db);
    await expect(createShippingZone(ctx, { name: 'X', countries: ['XX'] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      createShippingZone(ctx, { name: 'X', countries: ['FR'], taxRateBps: 10_001 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const { zone, light } = await worldZone(ctx);
    const rate = { zoneId: zone.id, name: { en: 'r' }, deliveryDaysMin: 1, deliveryDaysMax: 2 };
    await expect(
      createShippingRate(ctx, {
        ...rate,
        amountMinor: 100,
        minWeightGrams: 500,
        maxWeightGrams: 500,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'maxWeightGrams' }] });
    await expect(createShippingRate(ctx, { ...rate, amountMinor: -1 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      updateShippingRate(ctx, light.id, { deliveryDaysMin: 30 }), // now more than the max of 14
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'deliveryDaysMax' }] });
  });

  it('only the owner (or trainer) changes shipping; staff may not; every change is audited', async () => {
    const ctx = await makeShop(db);
    const staff = await contextAs(ctx, 'staff');
    await expect(createShippingZone(staff, { name: 'X', countries: ['FR'] })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    const buyer = await contextAs(ctx, 'buyer');
    await expect(createShippingZone(buyer, { name: 'X', countries: ['FR'] })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    const trainer = await contextAs(ctx, 'trainer');
    await createShippingZone(trainer, { name: 'France', countries: ['FR'] });
    const audit = await db.read.select().from(auditLog);
    expect(
      audit.some(
        (a) =>
          a.shopId === ctx.shop.id &&
          a.action === 'shipping.zone.create' &&
          a.actorRole === 'trainer',
      ),
    ).toBe(true);
  });

  it('shop B cannot see or change shop A’s zones and rates', async () => {
    const a = await makeShop(db);
    const b = await makeShop(db);
    const { zone, light } = await worldZone(a);
    expect(await listShippingZones(b)).toEqual([]);
    await expect(updateShippingZone(b, zone.id, { name: 'mine' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(deleteShippingZone(b, zone.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateShippingRate(b, light.id, { amountMinor: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(deleteShippingRate(b, light.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      createShippingRate(b, {
        zoneId: zone.id,
        name: { en: 'x' },
        amountMinor: 1,
        deliveryDaysMin: 1,
        deliveryDaysMax: 1,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listShippingZones(a))[0]!.rates).toHaveLength(2);
  });

  it('deleting a zone deletes its rates', async () => {
    const ctx = await makeShop(db);
    const { zone } = await worldZone(ctx);
    await deleteShippingZone(ctx, zone.id);
    expect(await listShippingZones(ctx)).toEqual([]);
  });
});
