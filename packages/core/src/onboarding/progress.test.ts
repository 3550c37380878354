import { describe, expect, it } from 'vitest';
import { contextAs, makeMediaAsset, makeProduct } from '../../test/support/catalog-factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { addProductImage } from '../catalog/product-images.js';
import { setPaymentSettings } from '../payments/payment-settings.js';
import { cohortShops } from '../schema/onboarding.js';
import { setShopStatus, updateShopProfile } from '../settings/update-shop-settings.js';
import { createShippingRate } from '../shipping/shipping-rates.js';
import { createShippingZone } from '../shipping/shipping-zones.js';
import { createShop, shopContext } from '../tenancy/shops.js';
import { createCohort } from './cohorts.js';
import { getShopProgress, listSellerProgress } from './list-progress.js';
import { type ProgressFacts, progressOf } from './progress-steps.js';
import { insertOrder } from './testing/orders.js';
import { twoVillages, uniq } from './testing/world.js';

const DAY = 24 * 60 * 60_000;
const NOW = new Date('2026-11-25T10:00:00Z');
const facts = (over: Partial<ProgressFacts> = {}): ProgressFacts => ({
  shopId: 'shop_x',
  status: 'onboarding',
  hasStory: false,
  maxPhotos: 0,
  products: 0,
  openConversions: 0,
  shippingRates: 0,
  paymentReady: false,
  paidOrders: 0,
  shippedOrders: 0,
  lastActivityAt: NOW,
  liveAt: null,
  ...over,
});

describe('progressOf (pure)', () => {
  it.each([
    [{}, 'profile'],
    [{ hasStory: true, maxPhotos: 2, products: 1 }, 'first_product'],
    [{ hasStory: true, maxPhotos: 3, products: 1, openConversions: 2 }, 'prices'],
    [{ hasStory: true, maxPhotos: 3, products: 1 }, 'shipping'],
    [{ hasStory: true, maxPhotos: 3, products: 1, shippingRates: 1 }, 'payment'],
    [{ hasStory: true, maxPhotos: 3, products: 1, shippingRates: 1, paymentReady: true }, 'live'],
    [
      {
        hasStory: true,
        maxPhotos: 3,
        products: 1,
        shippingRates: 1,
        paymentReady: true,
        status: 'live' as const,
      },
      'first_order',
    ],
    [
      {
        hasStory: true,
        maxPhotos: 3,
        products: 1,
        shippingRates: 1,
        paymentReady: true,
        status: 'paused' as const,
        liveAt: NOW,
        paidOrders: 1,
      },
      'first_shipped',
    ],
    [
      {
        hasStory: true,
        maxPhotos: 3,
        products: 1,
        shippingRates: 1,
        paymentReady: true,
        status: 'live' as const,
        paidOrders: 1,
        shippedOrders: 1,
      },
      null,
    ],
  ])('%o → next %s', (over, next) => {
    expect(progressOf(facts(over), NOW).next).toBe(next);
  });

  it('calls a seller stuck after a quiet week, but not one waiting for a first order', () => {
    const quiet = NOW.getTime() - 8 * DAY;
    expect(progressOf(facts({ lastActivityAt: new Date(quiet) }), NOW)).toMatchObject({
      stuck: true,
      daysSinceActivity: 8,
    });
    expect(progressOf(facts({ lastActivityAt: new Date(quiet + 2 * DAY) }), NOW).stuck).toBe(false);
    const waiting = facts({
      hasStory: true,
      maxPhotos: 3,
      products: 1,
      shippingRates: 1,
      paymentReady: true,
      status: 'live',
      lastActivityAt: new Date(quiet),
    });
    expect(progressOf(waiting, NOW)).toMatchObject({ next: 'first_order', stuck: false });
  });
});

describe('onboarding progress from real data', () => {
  it('moves step by step as the seller works, never ticked by hand', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const ref = await createShop(w.system, {
      villageId: w.comonfort.id,
      slug: `taller-${uniq()}`,
      baseCurrency: 'MXN',
      defaultLocale: 'es-MX',
      texts: { 'es-MX': { name: 'Taller' } },
    });
    const shop = await shopContext(w.system, ref.id);
    const next = async () => (await getShopProgress(shop)).next;
    expect(await next()).toBe('profile');
    await updateShopProfile(shop, {
      locale: 'es-MX',
      texts: { name: 'Taller', story: 'Tallamos piedra volcánica desde 1950.' },
    });
    expect(await next()).toBe('first_product');
    const product = await makeProduct(shop);
    for (let i = 0; i < 2; i++)
      await addProductImage(shop, product.id, { mediaId: await makeMediaAsset(shop) });
    expect(await next()).toBe('first_product');
    await addProductImage(shop, product.id, { mediaId: await makeMediaAsset(shop) });
    expect(await next()).toBe('shipping');
    const zone = await createShippingZone(shop, { name: 'Mundo', countries: ['*'] });
    await createShippingRate(shop, {
      zoneId: zone.id,
      name: { 'es-MX': 'Paquete' },
      amountMinor: 40000,
      deliveryDaysMin: 6,
      deliveryDaysMax: 12,
    });
    expect(await next()).toBe('payment');
    await setPaymentSettings(shop, { manualMethods: ['bank_transfer'] });
    expect(await next()).toBe('payment'); // buyers cannot pay yet: no bank details
    await setPaymentSettings(shop, {
      instructions: { bank_transfer: { 'es-MX': 'CLABE 0123 4567 8901 2345 67' } },
    });
    expect(await next()).toBe('live');
    await setShopStatus(shop, { status: 'live' });
    expect(await next()).toBe('first_order');
    const order = {
      currency: 'MXN',
      at: w.clock.now(),
      lines: [{ productId: product.id, quantity: 1, unitMinor: 85000 }],
    };
    await insertOrder(db, shop.shop, order);
    expect(await next()).toBe('first_shipped');
    await insertOrder(db, shop.shop, { ...order, shipped: true });
    const done = await getShopProgress(shop);
    expect(done).toMatchObject({ complete: true, next: null, doneCount: 8 });
  });

  it("gives the trainer the cohort table with days since activity and a stuck filter; other shops' people see nothing", async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const cohort = await createCohort(w.mariana, { villageId: w.comonfort.id, name: 'Primavera' });
    const make = async (name: string) => {
      const ref = await createShop(w.system, {
        villageId: w.comonfort.id,
        slug: `t-${uniq()}`,
        baseCurrency: 'MXN',
        defaultLocale: 'es-MX',
        texts: { 'es-MX': { name } },
      });
      await db.transaction((tx) =>
        tx
          .insert(cohortShops)
          .values({ cohortId: cohort.id, shopId: ref.id, joinedAt: w.clock.now() }),
      );
      return shopContext(w.system, ref.id);
    };
    const quiet = await make('Taller Quieto');
    w.clock.advance(5 * DAY);
    const busy = await make('Taller Activo');
    w.clock.advance(4 * DAY);
    await updateShopProfile(busy, {
      locale: 'es-MX',
      texts: { name: 'Taller Activo', story: 'Hola' },
    });
    const table = await listSellerProgress(w.mariana, { cohortId: cohort.id });
    expect(table.map((r) => [r.shopName, r.daysSinceActivity, r.stuck, r.next])).toEqual([
      ['Taller Quieto', 9, true, 'profile'],
      ['Taller Activo', 0, false, 'first_product'],
    ]);
    const stuck = await listSellerProgress(w.mariana, { cohortId: cohort.id, stuckOnly: true });
    expect(stuck.map((r) => r.shopId)).toEqual([quiet.shop.id]);
    await expect(listSellerProgress(w.zhang, { cohortId: cohort.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(listSellerProgress(w.zhang, { villageId: w.comonfort.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getShopProgress(await contextAs(quiet, 'none'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const village = await listSellerProgress(w.mariana, { villageId: w.comonfort.id });
    expect(village).toHaveLength(2);
  });
});
