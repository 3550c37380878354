import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Clock,
  createCollection,
  createVillage,
  importEcbRates,
  localDiskStorage,
  openSqlite,
  platformContext,
  runMediaJobs,
} from '@aldea/core';
import { afterAll } from 'vitest';
import { createStorefront } from '../../src/index.js';
import { capture, type LogLine, product, shop, type World, XSS } from './world-parts.js';

export { type LogLine, type World, XSS } from './world-parts.js';

/** The moment every test runs at: the day after the ECB fixture's rates. */
export const NOW = new Date('2026-11-25T10:00:00Z');
export const fixedClock: Clock = { now: () => NOW };

const ECB_FILE = fileURLToPath(new URL('../fixtures/ecb-2026-11-24.xml', import.meta.url));

const worlds: World[] = [];
afterAll(async () => {
  for (const w of worlds.splice(0)) {
    await w.db.close();
    rmSync(w.dir, { recursive: true, force: true });
  }
});

/**
 * A fresh database with two villages that read like the real ones — Bainiu
 * (CNY, zh-CN, hickory nuts) and Comonfort (MXN, es-MX, molcajetes made to
 * order) — ECB rates for the day before {@link NOW}, a paused shop, a shop whose
 * texts are XSS payloads, and a storefront app over it all. Everything is made
 * through the core API.
 */
export async function makeWorld(
  opts: { countStatements?: boolean; avif?: boolean } = {},
): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-sf-'));
  const db = openSqlite({
    file: join(dir, 'aldea.db'),
    countStatements: opts.countStatements ?? false,
  });
  await db.migrate();
  const storage = localDiskStorage(join(dir, 'media'), { fsync: false });
  const platform = platformContext(db, { clock: fixedClock });
  await importEcbRates(platform, { file: ECB_FILE });

  const bainiu = await createVillage(platform, {
    slug: 'bainiu',
    country: 'CN',
    defaultLocale: 'zh-CN',
    defaultCurrency: 'CNY',
    texts: {
      'zh-CN': {
        name: '白牛村',
        region: '浙江省杭州市临安区',
        story: '白牛村的农民在网上卖山核桃，一家接一家开了网店。',
      },
      en: {
        name: 'Bainiu',
        region: "Lin'an, Hangzhou, Zhejiang",
        story: 'Farmers in Bainiu learned to sell hickory nuts online, shop by shop.',
      },
    },
  });
  const common = { buyerCurrencies: ['USD', 'EUR', 'JPY', 'GBP', 'MXN'], status: 'live' as const };
  const wang = await shop(platform, {
    villageId: bainiu.id,
    slug: 'wang-hickory',
    baseCurrency: 'CNY',
    defaultLocale: 'zh-CN',
    locales: ['en'],
    ...common,
    texts: {
      'zh-CN': { name: '王家山核桃', tagline: '临安手剥山核桃', story: '三代人种山核桃。' },
      en: {
        name: 'Wang Family Hickory',
        tagline: "Hand-shelled hickory nuts from Lin'an",
        story: 'Three generations of hickory growers.',
      },
    },
  });
  const li = await shop(platform, {
    villageId: bainiu.id,
    slug: 'li-nuts',
    baseCurrency: 'CNY',
    defaultLocale: 'zh-CN',
    ...common,
    texts: { 'zh-CN': { name: '李记坚果', tagline: '山核桃礼盒' } },
  });
  const nutsPhoto = {
    kind: 'nuts' as const,
    alt: { 'zh-CN': '一袋山核桃仁', en: 'A bag of hickory nut kernels' },
  };
  const kernels = await product(
    wang,
    storage,
    {
      slug: 'hickory-kernels',
      status: 'active',
      originCountry: 'CN',
      originPlace: "Lin'an, Zhejiang",
      texts: {
        'zh-CN': {
          title: '手剥山核桃仁',
          description: '临安山核桃，手工剥壳。',
          materials: '山核桃，盐',
          care: '阴凉干燥处保存',
        },
        en: {
          title: 'Hand-shelled hickory kernels',
          description: "Lin'an hickory nuts, shelled by hand.",
          materials: 'Hickory nuts, salt',
          care: 'Keep cool and dry',
        },
      },
      options: [
        {
          name: { 'zh-CN': '规格', en: 'Size' },
          values: [
            { 'zh-CN': '250克', en: '250 g' },
            { 'zh-CN': '500克', en: '500 g' },
          ],
        },
      ],
      variants: [
        { sku: 'WANG-K-250', price: '88', stockOnHand: 40, weightGrams: 300, optionValues: [0] },
        {
          sku: 'WANG-K-500',
          price: '168',
          stockOnHand: 3,
          weightGrams: 560,
          optionValues: [1],
          fixedPrices: { USD: 2500 },
        },
      ],
    },
    [nutsPhoto, nutsPhoto],
  );
  const giftBox = await product(wang, storage, {
    slug: 'gift-box',
    status: 'active',
    texts: { 'zh-CN': { title: '山核桃礼盒' }, en: { title: 'Hickory gift box' } },
    variants: [
      {
        sku: 'WANG-GIFT',
        price: '298',
        stockOnHand: 20,
        weightGrams: 1500,
        madeToOrder: true,
        processingDaysMin: 3,
        processingDaysMax: 7,
      },
    ],
  });
  const soldOut = await product(wang, storage, {
    slug: 'sold-out-nuts',
    status: 'active',
    texts: {
      'zh-CN': { title: '椒盐山核桃（售罄）' },
      en: { title: 'Salt and pepper hickory (sold out)' },
    },
    variants: [{ sku: 'WANG-SOLD', price: '98', stockOnHand: 0, weightGrams: 500 }],
  });
  await product(li, storage, {
    slug: 'li-gift',
    status: 'active',
    texts: { 'zh-CN': { title: '李记山核桃礼盒' } },
    variants: [{ sku: 'LI-GIFT', price: '498', stockOnHand: 5, weightGrams: 2000 }],
  });
  await createCollection(wang, {
    slug: 'gifts',
    title: { 'zh-CN': '礼盒', en: 'Gifts' },
    productIds: [giftBox.id],
  });

  const comonfort = await createVillage(platform, {
    slug: 'comonfort',
    country: 'MX',
    defaultLocale: 'es-MX',
    defaultCurrency: 'MXN',
    texts: {
      'es-MX': {
        name: 'Comonfort',
        region: 'Guanajuato',
        story: 'Artesanos que labran molcajetes de piedra volcánica.',
      },
      en: {
        name: 'Comonfort',
        region: 'Guanajuato',
        story: 'Artisans who carve molcajetes from volcanic stone.',
      },
    },
  });
  const rojas = await shop(platform, {
    villageId: comonfort.id,
    slug: 'taller-rojas',
    baseCurrency: 'MXN',
    buyerCurrencies: ['USD', 'EUR', 'JPY', 'CNY'],
    defaultLocale: 'es-MX',
    locales: ['en'],
    status: 'live',
    texts: {
      'es-MX': {
        name: 'Taller Rojas',
        tagline: 'Molcajetes labrados a mano',
        shippingPolicy: 'Enviamos a todo el mundo.',
      },
      en: { name: 'Rojas Workshop', tagline: 'Hand-carved molcajetes' },
    },
  });
  const paused = await shop(platform, {
    villageId: comonfort.id,
    slug: 'taller-cerrado',
    baseCurrency: 'MXN',
    defaultLocale: 'es-MX',
    status: 'paused',
    texts: { 'es-MX': { name: 'Taller Cerrado' } },
  });
  const molcajete = await product(
    rojas,
    storage,
    {
      slug: 'molcajete-piedra-volcanica',
      status: 'active',
      originCountry: 'MX',
      originPlace: 'Comonfort, Guanajuato',
      texts: {
        'es-MX': {
          title: 'Molcajete de piedra volcánica',
          description: 'Labrado a mano, con tejolote.',
          materials: 'Piedra volcánica (basalto)',
          care: 'Curar con arroz antes de usar',
        },
        en: {
          title: 'Volcanic stone molcajete',
          description: 'Hand-carved, with tejolote.',
          materials: 'Volcanic stone (basalt)',
          care: 'Season with rice before use',
        },
      },
      options: [
        {
          name: { 'es-MX': 'Tamaño', en: 'Size' },
          values: [
            { 'es-MX': 'Chico', en: 'Small' },
            { 'es-MX': 'Mediano', en: 'Medium' },
            { 'es-MX': 'Grande', en: 'Large' },
          ],
        },
      ],
      variants: [
        {
          sku: 'MOL-S',
          price: '450',
          stockOnHand: 5,
          weightGrams: 2500,
          madeToOrder: true,
          processingDaysMin: 5,
          processingDaysMax: 10,
          optionValues: [0],
        },
        {
          sku: 'MOL-M',
          price: '850',
          stockOnHand: 5,
          weightGrams: 4000,
          madeToOrder: true,
          processingDaysMin: 5,
          processingDaysMax: 10,
          optionValues: [1],
        },
        {
          sku: 'MOL-L',
          price: '1400',
          stockOnHand: 2,
          weightGrams: 6500,
          madeToOrder: true,
          processingDaysMin: 7,
          processingDaysMax: 14,
          optionValues: [2],
        },
      ],
    },
    [
      {
        kind: 'mortar',
        alt: {
          'es-MX': 'Molcajete de basalto con su tejolote',
          en: 'Basalt molcajete with its tejolote',
        },
      },
    ],
  );
  const tejolote = await product(rojas, storage, {
    slug: 'tejolote',
    status: 'active',
    texts: { 'es-MX': { title: 'Tejolote de repuesto' }, en: { title: 'Spare tejolote' } },
    variants: [{ sku: 'TEJ', price: '120', stockOnHand: 30, weightGrams: 600 }],
  });
  const spanishOnly = await product(rojas, storage, {
    slug: 'salsera',
    status: 'active',
    texts: { 'es-MX': { title: 'Salsera de piedra', description: 'Para servir salsas.' } },
    variants: [{ sku: 'SAL', price: '300', stockOnHand: 4, weightGrams: 1800 }],
  });

  const xssShop = await shop(platform, {
    villageId: comonfort.id,
    slug: 'xss-shop',
    baseCurrency: 'MXN',
    buyerCurrencies: ['USD'],
    defaultLocale: 'en',
    status: 'live',
    texts: { en: { name: XSS.shopName, tagline: XSS.description, story: XSS.title } },
  });
  const xssProduct = await product(
    xssShop,
    storage,
    {
      slug: 'xss-product',
      status: 'active',
      texts: {
        en: {
          title: XSS.title,
          description: XSS.description,
          materials: XSS.description,
          care: XSS.title,
        },
      },
      variants: [{ sku: 'XSS-1', price: '100', stockOnHand: 3, weightGrams: 100 }],
    },
    [{ kind: 'nuts', alt: { en: XSS.alt } }],
  );

  if (opts.avif) await runMediaJobs(platform, { storage, limit: 20 });

  const logs: LogLine[] = [];
  const app = createStorefront({
    db,
    storage,
    clock: fixedClock,
    logger: capture(logs),
    baseDomain: 'aldea.test',
  });
  const world: World = {
    db,
    storage,
    dir,
    platform,
    logs,
    app,
    bainiu: { villageId: bainiu.id, wang, li, kernels, giftBox, soldOut },
    comonfort: { villageId: comonfort.id, rojas, paused, molcajete, tejolote, spanishOnly },
    xss: { shop: xssShop, product: xssProduct },
  };
  worlds.push(world);
  return world;
}
