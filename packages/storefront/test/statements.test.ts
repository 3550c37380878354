import { addProductImage, createProduct, ingestImage } from '@aldea/core';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStorefront } from '../src/index.js';
import { get, postForm } from './support/http.js';
import { makePhoto } from './support/photos.js';
import { fixedClock, makeWorld, type World } from './support/world.js';

let w: World;
/** The storefront without its page cache: every view renders. */
let rendering: Hono;
beforeAll(async () => {
  w = await makeWorld({ countStatements: true });
  rendering = createStorefront({
    db: w.db,
    storage: w.storage,
    clock: fixedClock,
    logger: { info() {}, error() {} },
    pageCacheBytes: 0,
  });
});

/** SQL statements one request runs. */
async function counted(app: Hono, path: string, cookie?: string): Promise<number> {
  const before = w.db.stats.statements;
  const page = await get(app, path, cookie ? { cookie } : {});
  expect(page.status).toBe(200);
  return w.db.stats.statements - before;
}

/**
 * SQL statements rendering a page runs, the second time it is rendered (the
 * shop row and content versions are read once between two commits; the first
 * view after a commit reads them).
 */
async function statementsFor(path: string, cookie?: string): Promise<number> {
  await counted(rendering, path, cookie);
  return counted(rendering, path, cookie);
}

/** Adds `n` products (each with two variants and a photo) to Taller Rojas. */
async function addProducts(n: number, tag: string) {
  const ctx = w.comonfort.rojas;
  const photo = await ingestImage(ctx, {
    bytes: await makePhoto('mortar', 320, 240),
    storage: w.storage,
  });
  if (!photo.ok) throw new Error(photo.reason);
  for (let i = 0; i < n; i++) {
    const p = await createProduct(ctx, {
      slug: `${tag}-${i}`,
      status: 'active',
      texts: {
        'es-MX': { title: `Molcajete ${tag} ${i}` },
        en: { title: `Molcajete ${tag} ${i}` },
      },
      options: [{ name: { en: 'Size' }, values: [{ en: 'S' }, { en: 'L' }] }],
      variants: [
        {
          sku: `${tag}-${i}-S`,
          price: '500',
          stockOnHand: 2,
          weightGrams: 3000,
          optionValues: [0],
        },
        {
          sku: `${tag}-${i}-L`,
          price: '900',
          stockOnHand: 2,
          weightGrams: 6000,
          optionValues: [1],
          fixedPrices: { USD: 5500 },
        },
      ],
    });
    await addProductImage(ctx, p.id, { mediaId: photo.asset.id, alt: { en: 'A molcajete' } });
  }
}

describe('a page runs a bounded number of statements, whatever is on it', () => {
  it('shop and search pages: the same count with 4 products or 30', async () => {
    const pages = [
      '/s/taller-rojas?currency=USD',
      '/s/taller-rojas/search?q=molcajete&currency=EUR',
      '/s/taller-rojas/search?min=1&currency=JPY',
      '/',
    ];
    const few: number[] = [];
    for (const p of pages) few.push(await statementsFor(p));
    await addProducts(26, 'more');
    const many: number[] = [];
    for (const p of pages) many.push(await statementsFor(p));
    expect(many).toEqual(few);
    // And small: a shop page is a handful of statements.
    expect(many[0]).toBeLessThanOrEqual(12);
  });

  it('village pages: never more than a few per shop of the village, however many products', async () => {
    // Each shop prices its own products (its rules and rates): at most 3 statements per
    // shop shown, on top of the village, its shops and the products (a page shows ≤ 12).
    const liveShops = 2;
    const bound = 6 + 3 * liveShops;
    for (const p of ['/v/comonfort?currency=USD', '/v/comonfort/search?q=molcajete&currency=USD']) {
      const before = await statementsFor(p);
      await addProducts(12, `v${before}-${p.length}`);
      const after = await statementsFor(p);
      expect(before).toBeLessThanOrEqual(bound);
      expect(after).toBeLessThanOrEqual(bound);
    }
  });

  it('a product page: the same count with 1 variant and photo, or 3 variants and 2 photos', async () => {
    const small = await statementsFor('/s/taller-rojas/p/tejolote?currency=EUR');
    const large = await statementsFor('/s/wang-hickory/p/hickory-kernels?currency=EUR');
    expect(large).toBe(small);
  });

  it('a page from the page cache runs at most one statement: has anything been committed?', async () => {
    for (const path of ['/s/taller-rojas?currency=USD', '/v/comonfort', '/']) {
      await counted(w.app, path);
      // The next turn of the event loop asks the database again (PRAGMA data_version).
      await new Promise((resolve) => setImmediate(resolve));
      expect(await counted(w.app, path)).toBe(1);
    }
  });

  it('the cart page: the same count with 1 line or 6', async () => {
    const add = async (variantId: string, cookie?: string) =>
      postForm(
        w.app,
        '/s/taller-rojas/cart/add',
        { variantId, quantity: '1' },
        cookie ? { cookie } : {},
      );
    const one = await add(w.comonfort.tejolote.variants[0]!.id);
    const oneCookie = `aldea_cart=${one.cookies.aldea_cart}`;
    const six = await add(w.comonfort.tejolote.variants[0]!.id);
    const sixCookie = `aldea_cart=${six.cookies.aldea_cart}`;
    for (const v of [...w.comonfort.molcajete.variants, ...w.comonfort.spanishOnly.variants])
      await add(v.id, sixCookie);
    expect(await statementsFor('/s/taller-rojas/cart', sixCookie)).toBe(
      await statementsFor('/s/taller-rojas/cart', oneCookie),
    );
  });
});
