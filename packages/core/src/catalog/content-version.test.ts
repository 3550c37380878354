import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMediaAsset, makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { setManualRate } from '../fx/manual-rate.js';
import { setFxMargin, setRoundingRule } from '../pricing/pricing-settings.js';
import { updateShopProfile } from '../settings/update-shop-settings.js';
import { platformContext, type ShopContext } from '../tenancy/context.js';
import { createCollection } from './collection-commands.js';
import {
  FEW_LEFT,
  knownContentVersion,
  PLATFORM_CONTENT_SCOPE,
  readContentVersion,
  readPlatformContentVersion,
  readShopContentVersion,
} from './content-version.js';
import { createProduct } from './create-product.js';
import { addProductImage } from './product-images.js';
import { updateProduct } from './update-product.js';
import { setVariantPrice, setVariantStock } from './variant-commands.js';
import type { ProductDetail } from './views.js';

let db: Database;
let a: ShopContext;
let b: ShopContext;
let product: ProductDetail;

beforeEach(async () => {
  db = await makeTestDb();
  a = await makeShop(db);
  b = await makeShop(db);
  product = await makeProduct(a);
});

/** The versions of shop A, shop B and the platform. */
async function versions() {
  return {
    a: await readShopContentVersion(a),
    b: await readShopContentVersion(b),
    platform: await readPlatformContentVersion(platformContext(db)),
  };
}

const variantId = () => product.variants[0]!.id;

describe('a write that changes what buyers see in shop A', () => {
  const changes: [string, () => Promise<unknown>][] = [
    ['a new product', () => makeProduct(a)],
    [
      'a product text',
      () => updateProduct(a, product.id, { texts: { en: { title: 'Cracked hickory nuts' } } }),
    ],
    ['a price', () => setVariantPrice(a, variantId(), { priceMinor: 9900 })],
    [
      'a fixed price',
      () => setVariantPrice(a, variantId(), { priceMinor: 8800, fixedPrices: { USD: 1500 } }),
    ],
    ['a photo', async () => addProductImage(a, product.id, { mediaId: await makeMediaAsset(a) })],
    [
      'a collection',
      () => createCollection(a, { slug: 'gifts', title: { en: 'Gifts' }, productIds: [] }),
    ],
    ['a rounding rule', () => setRoundingRule(a, { currency: 'USD', rounding: 'end-99' })],
    ['the FX margin', () => setFxMargin(a, { marginBps: 150 })],
    ['the shop’s own rate', () => setManualRate(a, { base: 'CNY', quote: 'USD', rate: '0.14' })],
    [
      'the shop’s story',
      () => updateShopProfile(a, { locale: 'en', texts: { name: 'Hickory House' } }),
    ],
  ];
  it.each(changes)('%s: moves A’s version and the platform’s, never B’s', async (_, change) => {
    const before = await versions();
    await change();
    const after = await versions();
    expect(after.a).toBeGreaterThan(before.a);
    expect(after.platform).toBeGreaterThan(before.platform);
    expect(after.b).toBe(before.b);
  });
});

describe('platform data', () => {
  it('a platform FX rate moves every shop’s version', async () => {
    const before = await versions();
    await setManualRate(platformContext(db), { base: 'CNY', quote: 'EUR', rate: '0.13' });
    const after = await versions();
    expect(after.a).toBeGreaterThan(before.a);
    expect(after.b).toBeGreaterThan(before.b);
  });

  it('versions come from one sequence: a change in B moves the platform past A', async () => {
    await makeProduct(a);
    await makeProduct(b);
    const v = await versions();
    expect(v.platform).toBe(Math.max(v.a, v.b));
    expect(v.b).toBeGreaterThan(v.a);
  });
});

describe('stock', () => {
  /** Moves stock as orders do (reserve, release), not as a seller's edit (which always counts). */
  const moveStock = (to: number) =>
    db.transaction((tx) =>
      tx.run(sql`update variants set stock_on_hand = ${to}
        where shop_id = ${a.shop.id} and id = ${variantId()}`),
    );

  /** Stock `from`, then `to`: did the second write move A's version? */
  async function moves(from: number, to: number): Promise<boolean> {
    await moveStock(from);
    const before = await readShopContentVersion(a);
    await moveStock(to);
    return (await readShopContentVersion(a)) !== before;
  }

  it('moves the version only when what the page says changes (sold out, few left, plenty)', async () => {
    const plenty = FEW_LEFT + 1;
    const table: [number, number, boolean][] = [
      [plenty + 20, plenty + 19, false], // "in stock" either way
      [plenty + 1, plenty, false],
      [plenty, FEW_LEFT, true], // now "only 5 left"
      [FEW_LEFT, FEW_LEFT - 1, true], // "only 4 left"
      [1, 0, true], // sold out
      [0, plenty + 50, true], // back in stock
      [7, 7, false],
    ];
    for (const [from, to, expected] of table) {
      expect([from, to, await moves(from, to)]).toEqual([from, to, expected]);
    }
  });

  it('a reservation taking one of many (the checkout’s own update) moves nothing', async () => {
    await setVariantStock(a, variantId(), { stockOnHand: 200 });
    const before = await versions();
    await db.transaction((tx) =>
      tx.run(sql`update variants set stock_on_hand = stock_on_hand - 1,
        stock_reserved = stock_reserved + 1 where shop_id = ${a.shop.id} and id = ${variantId()}`),
    );
    expect(await versions()).toEqual(before);
  });

  it('a seller setting stock always counts (the product is touched)', async () => {
    const before = await readShopContentVersion(a);
    await setVariantStock(a, variantId(), { stockOnHand: 11 });
    expect(await readShopContentVersion(a)).toBeGreaterThan(before);
  });
});

describe('a command that fails', () => {
  it('leaves every version as it was', async () => {
    const before = await versions();
    const sku = product.variants[0]!.sku;
    await expect(
      createProduct(a, {
        status: 'active',
        texts: { en: { title: 'Duplicate' } },
        variants: [{ sku, priceMinor: 100, stockOnHand: 1, weightGrams: 100 }],
      }),
    ).rejects.toThrow();
    expect(await versions()).toEqual(before);
  });
});

describe('a version by scope (a shop id, or the platform)', () => {
  it('reads each scope, and knows it without a read only until the next commit', async () => {
    await setManualRate(platformContext(db), { base: 'USD', quote: 'EUR', rate: '0.9' });
    const scopes = [a.shop.id, b.shop.id, PLATFORM_CONTENT_SCOPE];
    expect(scopes.map((s) => knownContentVersion(db, s))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const read = await Promise.all(scopes.map((s) => readContentVersion(db, s)));
    expect(read).toEqual(Object.values(await versions()));
    expect(scopes.map((s) => knownContentVersion(db, s))).toEqual(read);
    await makeProduct(a);
    expect(knownContentVersion(db, a.shop.id)).toBeUndefined();
    expect(await readContentVersion(db, a.shop.id)).toBeGreaterThan(read[0]!);
  });
});
