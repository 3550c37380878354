import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../../test/support/test-db.js';
import { createCollection } from '../../catalog/collection-commands.js';
import { createProduct } from '../../catalog/create-product.js';
import { setVariantPrice } from '../../catalog/variant-commands.js';
import type { Database } from '../../db/database.js';
import { setPaymentSettings } from '../../payments/payment-settings.js';
import { setRoundingRule } from '../../pricing/pricing-settings.js';
import { updateShopProfile } from '../../settings/update-shop-settings.js';
import { createShippingRate } from '../../shipping/shipping-rates.js';
import { createShippingZone } from '../../shipping/shipping-zones.js';
import { createShop, shopContext } from '../../tenancy/shops.js';
import { createVillage } from '../../tenancy/villages.js';
import { confirmConvertedAmounts, listOpenConversions } from '../converted-amounts.js';
import { getShopProgress } from '../list-progress.js';
import { person, twoVillages, uniq } from '../testing/world.js';
import { createShopFromTemplate } from './create-shop-from-template.js';
import { listShopTemplates } from './list-templates.js';
import { saveShopTemplate } from './save-template.js';

const count = async (db: Database, table: string) =>
  (await db.read.get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`))!.n;

/** A proven Bainiu shop: two grades of nuts, a gift collection, world shipping, bank transfer. */
async function bainiuShop(w: Awaited<ReturnType<typeof twoVillages>>) {
  const ref = await createShop(w.system, {
    villageId: w.bainiu.id,
    slug: `laolin-${uniq()}`,
    baseCurrency: 'CNY',
    buyerCurrencies: ['USD', 'EUR'],
    defaultLocale: 'zh-CN',
    locales: ['en'],
    status: 'live',
    texts: { 'zh-CN': { name: '老林山核桃' }, en: { name: 'Lao Lin Hickory' } },
  });
  const shop = await shopContext(w.zhang, ref.id);
  await updateShopProfile(shop, {
    locale: 'en',
    texts: {
      name: 'Lao Lin Hickory',
      shippingPolicy: 'Ships in 2 days',
      returnsPolicy: 'No returns on food',
    },
  });
  const gifts = await createCollection(shop, {
    slug: 'gift-boxes',
    title: { en: 'Gift boxes', 'zh-CN': '礼盒' },
  });
  await createProduct(shop, {
    status: 'active',
    texts: { 'zh-CN': { title: '手剥山核桃' }, en: { title: 'Hand-cracked hickory nuts' } },
    options: [
      { name: { en: 'Pack', 'zh-CN': '规格' }, values: [{ en: '250 g' }, { en: '500 g' }] },
    ],
    variants: [
      { sku: 'HN-250', priceMinor: 8800, stockOnHand: 5, weightGrams: 300, optionValues: [0] },
      { sku: 'HN-500', priceMinor: 16800, stockOnHand: 5, weightGrams: 550, optionValues: [1] },
    ],
    collectionIds: [gifts.id],
  });
  const zone = await createShippingZone(shop, { name: 'World', countries: ['*'] });
  await createShippingRate(shop, {
    zoneId: zone.id,
    name: { en: 'EMS' },
    amountMinor: 4500,
    freeOverMinor: 30000,
    deliveryDaysMin: 7,
    deliveryDaysMax: 14,
  });
  await setPaymentSettings(shop, {
    manualMethods: ['bank_transfer', 'pay_at_coop'],
    instructions: { pay_at_coop: { en: 'Pay at the co-op office' } },
  });
  await setRoundingRule(shop, { currency: 'USD', rounding: 'end-95' });
  return shop;
}

describe('shop templates', () => {
  it('copies a CNY shop into an MXN shop with amounts converted at current rates (checked by hand)', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const source = await bainiuShop(w);
    const template = await saveShopTemplate(source, { name: 'Bainiu nut shop' });
    expect(template).toMatchObject({
      baseCurrency: 'CNY',
      collections: 1,
      shippingZones: 1,
      products: 1,
    });
    // A Comonfort trainer sees the Bainiu template and uses it.
    expect((await listShopTemplates(w.mariana)).map((t) => t.id)).toContain(template.id);
    const { shopId, applied } = await createShopFromTemplate(w.mariana, {
      templateId: template.id,
      villageId: w.comonfort.id,
      slug: `nueces-${uniq()}`,
      name: 'Nueces de la Sierra',
    });
    // CNY → MXN through EUR: 20 / 7.8 = 2.5641025641…; MXN rounds to whole pesos.
    //   88.00 → 225.64 → 226.00   168.00 → 430.77 → 431.00
    //   45.00 → 115.38 → 115.00   300.00 → 769.23 → 769.00
    expect(applied).toMatchObject({
      products: 1,
      collections: 1,
      shippingZones: 1,
      shippingRates: 1,
      converted: 4,
      rate: '2.564102564',
    });
    const variants = await db.read.all<{ sku: string; price_minor: number; stock_on_hand: number }>(
      sql`select sku, price_minor, stock_on_hand from variants where shop_id = ${shopId} order by sku`,
    );
    expect(variants).toEqual([
      { sku: 'HN-250', price_minor: 22600, stock_on_hand: 0 },
      { sku: 'HN-500', price_minor: 43100, stock_on_hand: 0 },
    ]);
    const rate = await db.read.get<{ amount_minor: number; free_over_minor: number }>(
      sql`select amount_minor, free_over_minor from shipping_rates where shop_id = ${shopId}`,
    );
    expect(rate).toEqual({ amount_minor: 11500, free_over_minor: 76900 });
    const shop = await shopContext(w.mariana, shopId);
    expect(shop.shop).toMatchObject({ baseCurrency: 'MXN', status: 'onboarding' });
    expect([...shop.shop.buyerCurrencies].sort()).toEqual(['EUR', 'MXN', 'USD']);
    expect([...shop.shop.locales].sort()).toEqual(['en', 'es-MX', 'zh-CN']);
    const product = await db.read.get<{ status: string }>(
      sql`select status from products where shop_id = ${shopId}`,
    );
    expect(product!.status).toBe('draft');
    const rule = await db.read.get<{ rule: string }>(
      sql`select rule from shop_rounding_rules where shop_id = ${shopId}`,
    );
    expect(rule!.rule).toBe('end-95');
    const texts = await db.read.get<{ returns_policy: string }>(
      sql`select returns_policy from shop_texts where shop_id = ${shopId} and locale = 'en'`,
    );
    expect(texts!.returns_policy).toBe('No returns on food');

    // The seller confirms: the "prices" step waits for it; a price changed by hand counts as confirmed.
    const open = await listOpenConversions(shop);
    expect(open.map((o) => [o.entity, o.fromAmountMinor, o.amountMinor])).toEqual([
      ['shipping_free_over', 30000, 76900],
      ['shipping_rate', 4500, 11500],
      ['variant', 8800, 22600],
      ['variant', 16800, 43100],
    ]);
    expect((await getShopProgress(shop)).done.prices).toBe(false);
    const hn500 = open.find((o) => o.label.startsWith('HN-500'))!;
    await setVariantPrice(shop, hn500.entityId, { priceMinor: 45000 });
    expect(await listOpenConversions(shop)).toHaveLength(3);
    expect(await confirmConvertedAmounts(shop)).toBe(4);
    expect(await listOpenConversions(shop)).toEqual([]);
    expect((await getShopProgress(shop)).done.prices).toBe(true);
  });

  it('failed halfway (no rate into the new currency): no shop, no template rows', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const source = await bainiuShop(w);
    const template = await saveShopTemplate(source, { name: 'Bainiu' });
    const seoul = await createVillage(w.system, {
      slug: `seoul-${uniq()}`,
      country: 'KR',
      defaultLocale: 'en',
      defaultCurrency: 'KRW',
      texts: { en: { name: 'Seoul' } },
    });
    const before = {
      shops: await count(db, 'shops'),
      products: await count(db, 'products'),
      zones: await count(db, 'shipping_zones'),
    };
    await expect(
      createShopFromTemplate(w.system, {
        templateId: template.id,
        villageId: seoul.id,
        slug: `k-${uniq()}`,
        name: 'K',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'currency', code: 'no_rate' }],
    });
    expect({
      shops: await count(db, 'shops'),
      products: await count(db, 'products'),
      zones: await count(db, 'shipping_zones'),
    }).toEqual(before);
  });

  it('keeps templates to trainers and operators, and shops to their own villages', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const source = await bainiuShop(w);
    const template = await saveShopTemplate(source, { name: 'Bainiu' });
    const stranger = await person(db, w.clock);
    await expect(listShopTemplates(stranger)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createShopFromTemplate(w.zhang, {
        templateId: template.id,
        villageId: w.comonfort.id,
        slug: `z-${uniq()}`,
        name: 'Z',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      saveShopTemplate(await shopContext(stranger, source.shop.id), { name: 'X' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
