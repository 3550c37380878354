import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeProduct } from '../../test/support/catalog-factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { setManualRate } from '../fx/manual-rate.js';
import { platformContext } from '../tenancy/context.js';
import { createShop, shopContext } from '../tenancy/shops.js';
import { createVillage } from '../tenancy/villages.js';
import { listOpenConversions } from './converted-amounts.js';
import { seedOnboardingDemo } from './demo-seed.js';

describe('seedOnboardingDemo', () => {
  it('copies a Bainiu shop into Comonfort through a template, once', async () => {
    const db = await makeTestDb();
    const ctx = platformContext(db, { actor: { kind: 'system', name: 'demo-seed' } });
    const bainiu = await createVillage(ctx, {
      slug: 'bainiu',
      country: 'CN',
      defaultLocale: 'zh-CN',
      defaultCurrency: 'CNY',
      texts: { en: { name: 'Bainiu' } },
    });
    const comonfort = await createVillage(ctx, {
      slug: 'comonfort',
      country: 'MX',
      defaultLocale: 'es-MX',
      defaultCurrency: 'MXN',
      texts: { en: { name: 'Comonfort' } },
    });
    await setManualRate(ctx, { base: 'EUR', quote: 'CNY', rate: '7.8' });
    await setManualRate(ctx, { base: 'EUR', quote: 'MXN', rate: '20' });
    const laolin = await createShop(ctx, {
      villageId: bainiu.id,
      slug: 'laolin-hickory',
      baseCurrency: 'CNY',
      defaultLocale: 'zh-CN',
      status: 'live',
      texts: { 'zh-CN': { name: '老林山核桃' } },
    });
    await makeProduct(await shopContext(ctx, laolin.id));
    const chayo = await createShop(ctx, {
      villageId: comonfort.id,
      slug: 'molcajetes-dona-chayo',
      baseCurrency: 'MXN',
      defaultLocale: 'es-MX',
      status: 'live',
      texts: { 'es-MX': { name: 'Doña Chayo' } },
    });
    await makeProduct(await shopContext(ctx, chayo.id));

    const r = await seedOnboardingDemo(ctx);
    expect(r).toMatchObject({ seeded: true, invitations: 3 });
    const shop = await shopContext(ctx, r.shopId!);
    expect(shop.shop).toMatchObject({
      slug: 'nueces-de-la-sierra',
      baseCurrency: 'MXN',
      villageId: comonfort.id,
    });
    // 88.00 CNY at 20 / 7.8 → 225.64 → 226.00 MXN, waiting for the seller.
    expect(
      (await listOpenConversions(shop)).map((c) => [c.fromAmountMinor, c.amountMinor]),
    ).toEqual([[8800, 22600]]);
    const pre = await db.read.get<{ amount_minor: number; currency: string }>(
      sql`select * from pre_online_prices`,
    );
    expect(pre).toMatchObject({ amount_minor: 900, currency: 'USD' });
    expect(await seedOnboardingDemo(ctx)).toMatchObject({ seeded: false });
  });
});
