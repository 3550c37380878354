import { randomBytes } from 'node:crypto';
import {
  addMembership,
  addProductImage,
  assignTrainer,
  type Clock,
  createCollection,
  createProduct,
  createShop,
  createUser,
  createVillage,
  type Database,
  ingestImage,
  type MediaStorage,
  memoryStorage,
  type ProductDetail,
  platformContext,
  type ShopContext,
  setManualRate,
  shopContext,
  signIn,
} from '@aldea/core';
import { Hono } from 'hono';
import sharp from 'sharp';
import { type AdminOptions, createAdmin } from '../../src/index.js';
import { addPlatformTokenFixture, addTokenFixture } from '../api-tokens/fixtures.js';
import { addOrderFixtures } from '../orders/fixtures.js';
import { makeDb } from './db.js';

/** Cheap scrypt for tests only (production hashes at N=2^17). */
export const TEST_COST = { logN: 10, r: 8, p: 1 } as const;
export const PASSWORD = 'correct horse battery';
export const ORIGIN = 'http://localhost';

export const uniq = () => randomBytes(4).toString('hex');

/** A small real JPEG (sharp), so photo routes run the real media pipeline. */
export function jpeg(width = 64, height = 48, color = '#8a6a4a'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export interface TestUser {
  id: string;
  email: string;
}

/** One shop with everything a route can address: a product with a photo, a collection. */
export interface ShopFixture {
  ctx: ShopContext;
  product: ProductDetail;
  imageId: string;
  mediaKey: string;
  collectionId: string;
  /** A bank-transfer order, and a shipping zone with a rate (orders/fixtures.ts). */
  orderId: string;
  zoneId: string;
  rateId: string;
  /** A live API token of the shop (api-tokens/fixtures.ts). */
  tokenId: string;
}

async function user(
  db: Database,
  name: string,
  opts: { isOperator?: boolean; locale?: 'en' | 'zh-CN' | 'es-MX' } = {},
) {
  const email = `${name}-${uniq()}@example.com`;
  const { id } = await createUser(
    platformContext(db),
    { name, email, password: PASSWORD, locale: opts.locale ?? 'en', isOperator: opts.isOperator },
    { passwordCost: TEST_COST },
  );
  return { id, email };
}

async function shopWithEverything(
  db: Database,
  storage: MediaStorage,
  villageId: string,
  opts: { baseCurrency?: string; defaultLocale?: 'zh-CN' | 'es-MX' | 'en' } = {},
): Promise<ShopFixture> {
  const platform = platformContext(db);
  const ref = await createShop(platform, {
    villageId,
    slug: `shop-${uniq()}`,
    baseCurrency: opts.baseCurrency ?? 'CNY',
    buyerCurrencies: ['USD', 'EUR'],
    defaultLocale: opts.defaultLocale ?? 'zh-CN',
    locales: ['en'],
    status: 'live',
    texts: {
      [opts.defaultLocale ?? 'zh-CN']: { name: '山核桃小店' },
      en: { name: 'Hickory Nut Shop' },
    },
  });
  const ctx = await shopContext(platform, ref.id);
  const product = await createProduct(ctx, {
    texts: { en: { title: `Hickory nuts ${uniq()}` } },
    variants: [{ sku: `SKU-${uniq()}`, price: '88', stockOnHand: 5, weightGrams: 500 }],
  });
  const ingested = await ingestImage(ctx, { bytes: await jpeg(), filename: 'nuts.jpg', storage });
  if (!ingested.ok) throw new Error(ingested.message);
  const image = await addProductImage(ctx, product.id, { mediaId: ingested.asset.id });
  const collection = await createCollection(ctx, {
    slug: `gifts-${uniq()}`,
    title: { en: 'Gifts' },
    productIds: [product.id],
  });
  const orders = await addOrderFixtures(ctx, product);
  return {
    ctx,
    product,
    imageId: image.id,
    mediaKey: ingested.asset.files[0]!.key,
    collectionId: collection.id,
    ...orders,
    ...(await addTokenFixture(ctx)),
  };
}

/**
 * Two villages, a shop in each (A in village 1, B in village 2) with a product,
 * a photo and a collection, and the people: A's owner and staff, B's owner, a
 * trainer of village 1, an operator, and someone with no shop. The admin is
 * mounted at `/admin` of a root app, as the demo does.
 */
export async function makeWorld(options: Partial<AdminOptions> & { clock?: Clock } = {}) {
  const db = await makeDb();
  const storage = memoryStorage();
  const platform = platformContext(db);
  const village = async (country: string) =>
    createVillage(platform, {
      slug: `village-${uniq()}`,
      country,
      defaultLocale: 'zh-CN',
      defaultCurrency: 'CNY',
      texts: { 'zh-CN': { name: '白牛村' }, en: { name: 'Bainiu' } },
    });
  const v1 = await village('CN');
  const v2 = await village('MX');
  const a = await shopWithEverything(db, storage, v1.id);
  const b = await shopWithEverything(db, storage, v2.id);
  await setManualRate(platform, { base: 'CNY', quote: 'USD', rate: '0.14' });
  await setManualRate(platform, { base: 'CNY', quote: 'EUR', rate: '0.13' });
  const people = {
    ownerA: await user(db, 'owner-a'),
    staffA: await user(db, 'staff-a'),
    ownerB: await user(db, 'owner-b'),
    trainer1: await user(db, 'trainer-1'),
    operator: await user(db, 'operator', { isOperator: true }),
    nobody: await user(db, 'nobody'),
  };
  await addMembership(a.ctx, people.ownerA.id, 'owner');
  await addMembership(a.ctx, people.staffA.id, 'staff');
  await addMembership(b.ctx, people.ownerB.id, 'owner');
  await assignTrainer(platform, v1.id, people.trainer1.id);
  const platformTokenId = await addPlatformTokenFixture(db);

  const admin = createAdmin({ db, storage, basePath: '/admin', logger: () => {}, ...options });
  const app = new Hono();
  app.route('/admin', admin);
  return { db, storage, platform, admin, app, a, b, villages: { v1, v2 }, people, platformTokenId };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** A signed-in browser: the session cookie and the CSRF token its forms carry. */
export interface Browser {
  cookie: string;
  csrf: string;
}

/** Signs a user in through core (fast) and returns what a browser would hold. */
export async function signedIn(world: World, who: TestUser): Promise<Browser> {
  const r = await signIn(platformContext(world.db), {
    identifier: who.email,
    password: PASSWORD,
    address: 'test',
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
  return { cookie: `aldea_admin_session=${r.session.token}`, csrf: r.session.csrfToken };
}

/** A same-origin request of the app, with the browser's cookie and (for forms) its CSRF token. */
export function request(
  world: World,
  path: string,
  opts: {
    method?: string;
    browser?: Browser;
    form?: Record<string, string | string[]>;
    body?: FormData;
    origin?: string | null;
    headers?: Record<string, string>;
    csrf?: string | null;
  } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.browser) headers.cookie = opts.browser.cookie;
  const method = opts.method ?? (opts.form || opts.body ? 'POST' : 'GET');
  if (opts.origin !== null && method !== 'GET') headers.origin = opts.origin ?? ORIGIN;
  let body: FormData | URLSearchParams | undefined;
  const token = opts.csrf === null ? undefined : (opts.csrf ?? opts.browser?.csrf);
  if (opts.body) {
    if (token && !opts.body.has('_csrf')) opts.body.set('_csrf', token);
    body = opts.body;
  } else if (method !== 'GET') {
    const params = new URLSearchParams();
    if (token) params.set('_csrf', token);
    for (const [k, v] of Object.entries(opts.form ?? {})) {
      for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    }
    body = params;
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return world.app.request(`${ORIGIN}${path}`, { method, headers, body });
}

/** The page's text with tags removed, for asserting what a person reads. */
export async function textOf(res: Response): Promise<string> {
  return (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/**
 * A Mexican workshop (MXN, Spanish first) in village 2 with a Spanish-speaking
 * owner, and MXN rates to USD and EUR: for journeys in Spanish.
 */
export async function mexicanShop(w: World) {
  const platform = w.platform;
  const ref = await createShop(platform, {
    villageId: w.villages.v2.id,
    slug: `molcajetes-${uniq()}`,
    baseCurrency: 'MXN',
    buyerCurrencies: ['USD', 'EUR'],
    defaultLocale: 'es-MX',
    locales: ['en'],
    status: 'live',
    texts: { 'es-MX': { name: 'Molcajetes Doña Lupe' } },
  });
  const ctx = await shopContext(platform, ref.id);
  const lupe = await user(w.db, 'lupe', { locale: 'es-MX' });
  await addMembership(ctx, lupe.id, 'owner');
  await setManualRate(platform, { base: 'MXN', quote: 'USD', rate: '0.0500' });
  await setManualRate(platform, { base: 'MXN', quote: 'EUR', rate: '0.0460' });
  return { ctx, lupe, browser: await signedIn(w, lupe) };
}
