import {
  AVIF_JOB,
  getProductBySlug,
  getShopImages,
  isAldeaError,
  listProducts,
  listShopJobs,
  listShopTemplates,
  listVillageShops,
  listVillages,
  platformContext,
  type ShopContext,
  shopContext,
  signIn,
} from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoLogins } from '../src/logins.ts';
import { type SeedDemoResult, seedDemo } from '../src/seed.ts';
import { loadSeedData, type SeedData } from '../src/seed-data.ts';
import { CHEAP_PASSWORDS, freshDemoDb, smallSeedData } from './support.ts';

describe('seedDemo on an empty database', () => {
  let db: Awaited<ReturnType<typeof freshDemoDb>>['db'];
  let storage: Awaited<ReturnType<typeof freshDemoDb>>['storage'];
  let data: SeedData;
  let result: SeedDemoResult;
  const buyer = () => platformContext(db, { actor: { kind: 'buyer' } });
  const shopsOf = async (village: string) => {
    const v = (await listVillages(buyer())).find((x) => x.slug === village)!;
    return listVillageShops(buyer(), v.id);
  };

  beforeAll(async () => {
    ({ db, storage } = await freshDemoDb());
    data = await loadSeedData();
    const lines: string[] = [];
    result = await seedDemo(db, storage, {
      data,
      passwordCost: CHEAP_PASSWORDS,
      log: (l) => lines.push(l),
    });
    // Not asserted (timings never go in tests), but worth seeing when it grows.
    console.info(
      `seedDemo: ${result.ms} ms for ${result.products} products, ${result.photos} photos`,
    );
    expect(lines.at(-1)).toMatch(/^Seeded 2 villages, 6 shops, 48 products/);
    // One line per shop, "  village/shop: N products": `aldea seed --demo` counts them for its progress bar.
    expect(lines.filter((l) => /^\s+[\w-]+\/[\w-]+: \d+ products$/.test(l))).toHaveLength(6);
  }, 180_000);

  it('saves a template from a Bainiu shop and opens a Comonfort shop from it, in pesos', async () => {
    const system = platformContext(db);
    const templates = await listShopTemplates(system);
    expect(templates.map((t) => t.sourceShopId)).toHaveLength(1);
    const comonfort = (await listVillages(system)).find((v) => v.slug === 'comonfort')!;
    const all = await listVillageShops(system, comonfort.id, { includeAll: true });
    const fromTemplate = all.filter((s) => !data.villages[1]!.shops.some((d) => d.slug === s.slug));
    expect(fromTemplate).toHaveLength(1);
    expect(fromTemplate[0]!.baseCurrency).toBe('MXN');
  });

  it('creates two villages, six live shops and at least 48 products', async () => {
    expect(result).toMatchObject({ seeded: true, villages: 2 });
    expect(result.shops).toBeGreaterThanOrEqual(6);
    expect(result.products).toBeGreaterThanOrEqual(48);
    const villages = await listVillages(platformContext(db, { locale: 'zh-CN' }));
    expect(villages.map((v) => [v.slug, v.name, v.defaultCurrency])).toEqual([
      ['bainiu', '白牛村', 'CNY'],
      ['comonfort', 'Comonfort', 'MXN'],
    ]);
    expect((await shopsOf('bainiu')).length).toBeGreaterThanOrEqual(3);
    expect((await shopsOf('comonfort')).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every shop at least 8 active products, each with a photo, priced in the base currency', async () => {
    for (const village of ['bainiu', 'comonfort']) {
      for (const shop of await shopsOf(village)) {
        expect(shop.baseCurrency).toBe(village === 'bainiu' ? 'CNY' : 'MXN');
        expect(shop.buyerCurrencies).toEqual(expect.arrayContaining(['USD', 'EUR', 'JPY', 'GBP']));
        const ctx = await shopContext(buyer(), shop.id);
        const page = await listProducts(ctx, { limit: 100 });
        expect(page.items.length).toBeGreaterThanOrEqual(8);
        for (const p of page.items) {
          expect(p.image, `${shop.slug}/${p.slug} has a photo`).not.toBeNull();
          expect(p.baseCurrency).toBe(shop.baseCurrency);
          expect(p.priceMinMinor).toBeGreaterThan(0);
        }
      }
    }
  });

  it('seeds molcajetes made to order, heavy, in four sizes, with a fixed USD price and alt texts', async () => {
    const ctx = await shopContext(buyer(), 'taller-piedra-negra');
    const p = await getProductBySlug({ ...ctx, locale: 'es-MX' }, 'molcajete-tradicional');
    expect(p.variants.map((v) => v.priceMinor)).toEqual([45_000, 65_000, 95_000, 135_000]);
    expect(
      p.variants.every((v) => v.madeToOrder && v.processingDaysMax >= v.processingDaysMin),
    ).toBe(true);
    expect(p.variants.every((v) => v.weightGrams >= 3000)).toBe(true);
    expect(p.variants[2]!.fixedPrices).toEqual({ USD: 7000 });
    expect(p.images).toHaveLength(2);
    expect(p.images[0]!.alt).toMatch(/^Molcajete de basalto/);
    expect(p.collections.map((c) => c.slug)).toContain('molcajetes');
  });

  it('seeds hickory nuts in several grades and packs, in stock, with Chinese and English texts', async () => {
    const ctx = await shopContext(buyer(), 'laolin-hickory');
    const zh = await getProductBySlug({ ...ctx, locale: 'zh-CN' }, 'hand-cracked-salted');
    const en = await getProductBySlug({ ...ctx, locale: 'en' }, 'hand-cracked-salted');
    expect(zh.title).toContain('山核桃');
    expect(en.title).toMatch(/hickory/i);
    expect(zh.variants.map((v) => [v.sku, v.priceMinor, v.stockOnHand > 0])).toEqual([
      ['LL-HC-SALT-250', 5800, true],
      ['LL-HC-SALT-500', 10_800, true],
      ['LL-HC-SALT-1000', 19_800, true],
    ]);
  });

  it('lets every demo login sign in, as owner of their shop, trainer of their village, operator', async () => {
    for (const login of demoLogins(data)) {
      const r = await signIn(platformContext(db), {
        identifier: login.email,
        password: login.password,
        address: '127.0.0.1',
      });
      expect(r.ok, login.email).toBe(true);
      if (!r.ok) continue;
      const actor = { kind: 'user', userId: r.session.userId } as const;
      const shop = login.scope.startsWith('shop ')
        ? login.scope.slice(5)
        : login.scope === 'village comonfort'
          ? 'molcajetes-dona-chayo'
          : 'laolin-hickory';
      const ctx: ShopContext = await shopContext(platformContext(db, { actor }), shop);
      const expected = { artisan: 'owner', trainer: 'trainer', operator: 'operator' }[login.role];
      expect(ctx.role, login.email).toBe(expected);
    }
  });

  it('leaves the AVIF versions to the background worker: one queued job per photo', async () => {
    const ctx = await shopContext(buyer(), 'changxi-roastery');
    const system = { ...ctx, role: 'system' as const };
    const jobs = await listShopJobs(system, { type: AVIF_JOB });
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.status === 'queued')).toBe(true);
  });

  it('gives every shop a logo and a banner through the media pipeline', async () => {
    for (const village of ['bainiu', 'comonfort']) {
      for (const shop of data.villages.find((v) => v.village.slug === village)!.shops) {
        const images = await getShopImages(await shopContext(buyer(), shop.slug));
        expect(images.logo?.width, shop.slug).toBe(320);
        expect([images.banner?.width, images.banner?.height], shop.slug).toEqual([1500, 500]);
        expect(images.banner?.files.some((f) => f.format === 'webp')).toBe(true);
      }
    }
  });

  it('does nothing the second time: the database is not empty', async () => {
    const again = await seedDemo(db, storage, { data, passwordCost: CHEAP_PASSWORDS });
    expect(again).toMatchObject({ seeded: false, villages: 0, products: 0 });
    expect(await listVillages(buyer())).toHaveLength(2);
  });
});

describe('seedDemo that fails halfway', () => {
  it('saves nothing, so the next start seeds cleanly', async () => {
    const { db, storage } = await freshDemoDb();
    const good = await smallSeedData(1, 1);
    // The last shop gets one more product reusing the SKUs of its first one: core
    // refuses it (CONFLICT) after villages, users, rates and photos were written.
    const bad = structuredClone(good);
    const lastShop = bad.villages.at(-1)!.shops.at(-1)!;
    const first = lastShop.products[0]!;
    lastShop.products.push({ ...first, slug: `${first.slug}-copy` });

    const err = await seedDemo(db, storage, { data: bad, passwordCost: CHEAP_PASSWORDS }).catch(
      (e: unknown) => e,
    );
    expect(isAldeaError(err, 'CONFLICT')).toBe(true);
    const platform = platformContext(db);
    expect(await listVillages(platform)).toEqual([]);
    const signedIn = await signIn(platform, {
      identifier: good.operator.email,
      password: good.operator.password,
      address: '127.0.0.1',
    });
    expect(signedIn.ok).toBe(false);

    const retry = await seedDemo(db, storage, { data: good, passwordCost: CHEAP_PASSWORDS });
    expect(retry).toMatchObject({ seeded: true, villages: 2, shops: 2, products: 2 });
  }, 180_000);
});
