import { beforeAll, describe, expect, it } from 'vitest';
import {
  contextAs,
  makeMediaAsset,
  makeProduct,
  makeProducts,
} from '../../test/support/catalog-factories.js';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import type { ShopContext } from '../tenancy/context.js';
import { archiveProduct, pauseProduct } from './change-product-status.js';
import { createCollection } from './collection-commands.js';
import { encodeListCursor } from './cursor.js';
import { type ListProductsInput, listProducts } from './list-products.js';
import { addProductImage } from './product-images.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb({ countStatements: true });
});

/** Follows `nextCursor` to the end, running `between` after each page. */
async function walk(
  ctx: ShopContext,
  input: ListProductsInput,
  between: (page: number) => Promise<void> = async () => {},
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    const res = await listProducts(ctx, { ...input, ...(cursor ? { cursor } : {}) });
    seen.push(...res.items.map((p) => p.id));
    if (!res.nextCursor) return seen;
    cursor = res.nextCursor;
    await between(page);
  }
}

describe('listProducts', () => {
  it('lists newest first with summaries: title in the locale, lowest price, stock, first photo', async () => {
    const clock = fixedClock();
    const ctx = await makeShop(db, {}, { clock });
    const first = await makeProduct(ctx, {
      options: [{ name: { en: 'Grade' }, values: [{ en: 'A' }, { en: 'B' }] }],
      variants: [
        { sku: 'A', priceMinor: 12800, stockOnHand: 0, weightGrams: 1, optionValues: [0] },
        {
          sku: 'B',
          priceMinor: 8800,
          stockOnHand: 0,
          weightGrams: 1,
          madeToOrder: true,
          fixedPrices: { USD: 1299 },
          optionValues: [1],
        },
      ],
    });
    clock.advance(1000);
    const second = await makeProduct(ctx);
    const media = await makeMediaAsset(ctx);
    await addProductImage(ctx, first.id, { mediaId: media, alt: { en: 'Nuts' } });
    const { items, nextCursor } = await listProducts({ ...ctx, locale: 'en' });
    expect(nextCursor).toBeNull();
    expect(items.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(items[1]).toMatchObject({
      title: first.title,
      titleLocale: 'en',
      baseCurrency: 'CNY',
      priceMinMinor: 8800,
      inStock: false,
      madeToOrder: true,
      image: expect.objectContaining({ mediaId: media, alt: 'Nuts' }),
      variants: [
        {
          id: first.variants[0]?.id,
          priceMinor: 12800,
          fixedPrices: {},
          stockOnHand: 0,
          madeToOrder: false,
        },
        {
          id: first.variants[1]?.id,
          priceMinor: 8800,
          fixedPrices: { USD: 1299 },
          stockOnHand: 0,
          madeToOrder: true,
        },
      ],
    });
    expect(items[0]?.image).toBeNull();
  });

  it('shows buyers active products only; the admin filters by status', async () => {
    const ctx = await makeShop(db);
    const active = await makeProduct(ctx);
    const draft = await makeProduct(ctx, { status: 'draft' });
    const paused = await pauseProduct(ctx, (await makeProduct(ctx)).id);
    const archived = await archiveProduct(ctx, (await makeProduct(ctx)).id);
    const buyer = await contextAs(ctx, 'buyer');
    expect((await listProducts(buyer)).items.map((p) => p.id)).toEqual([active.id]);
    const staff = await contextAs(ctx, 'staff');
    expect(await walk(staff, { includeUnpublished: true })).toHaveLength(4);
    expect((await listProducts(staff, { status: 'draft' })).items.map((p) => p.id)).toEqual([
      draft.id,
    ]);
    expect((await listProducts(staff, { status: 'paused' })).items.map((p) => p.id)).toEqual([
      paused.id,
    ]);
    expect((await listProducts(staff, { status: 'archived' })).items.map((p) => p.id)).toEqual([
      archived.id,
    ]);
    await expect(listProducts(buyer, { status: 'draft' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(listProducts(buyer, { includeUnpublished: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('filters by stock, made to order and collection', async () => {
    const ctx = await makeShop(db);
    const v = (sku: string, stockOnHand: number, madeToOrder = false) => ({
      sku,
      priceMinor: 100,
      stockOnHand,
      weightGrams: 1,
      madeToOrder,
    });
    const inStock = await makeProduct(ctx, { variants: [v('S1', 5)] });
    const soldOut = await makeProduct(ctx, { variants: [v('S2', 0)] });
    const mto = await makeProduct(ctx, { variants: [v('S3', 2, true)] });
    const c = await createCollection(ctx, {
      slug: 'cc',
      title: { en: 'C' },
      productIds: [soldOut.id, mto.id],
    });
    const ids = async (input: ListProductsInput) => (await walk(ctx, input)).sort();
    expect(await ids({ inStock: true })).toEqual([inStock.id, mto.id].sort());
    expect(await ids({ inStock: false })).toEqual([soldOut.id]);
    expect(await ids({ madeToOrder: true })).toEqual([mto.id]);
    expect(await ids({ madeToOrder: false })).toEqual([inStock.id, soldOut.id].sort());
    expect(await ids({ collectionId: c.id })).toEqual([soldOut.id, mto.id].sort());
    expect(await ids({ collectionId: c.id, inStock: true })).toEqual([mto.id]);
    expect(await ids({ collectionId: 'col_unknown' })).toEqual([]);
  });

  it('visits every product that existed exactly once at depth, while others are inserted between pages', async () => {
    const clock = fixedClock();
    const ctx = await makeShop(db, {}, { clock });
    // 1,050 products; many share a millisecond, so the id breaks ties.
    const existing = await makeProducts(ctx, 1050, (i) => {
      if (i % 3 === 0) clock.advance(1);
      return { variants: [{ sku: `P${i}`, priceMinor: 100 + i, stockOnHand: 1, weightGrams: 1 }] };
    });
    const start = clock.now().getTime();
    let n = 0;
    const seen = await walk(ctx, { limit: 100 }, async (page) => {
      // New products: newer than all, at the very same millisecond as the
      // cursor, and (a skewed clock) in the past, in the middle of the walk.
      for (const at of [start + 10, start - page * 3, start - 1000]) {
        await makeProduct(
          { ...ctx, clock: fixedClock(new Date(at)) },
          {
            variants: [{ sku: `NEW${n++}`, priceMinor: 1, stockOnHand: 1, weightGrams: 1 }],
          },
        );
      }
    });
    const counts = new Map<string, number>();
    for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    for (const p of existing) expect(counts.get(p.id)).toBe(1);
    expect(seen.length).toBeGreaterThanOrEqual(1050);
  }, 120_000);

  it('runs three statements per page, whatever the page size', async () => {
    const ctx = await makeShop(db);
    await makeProducts(ctx, 30, () => ({
      options: [{ name: { en: 'Size' }, values: [{ en: 'S' }, { en: 'L' }] }],
      variants: ['S', 'L'].map((s, k) => ({
        sku: `${s}${Math.floor(Math.random() * 1e9)}`,
        priceMinor: 100,
        stockOnHand: 1,
        weightGrams: 1,
        optionValues: [k],
        fixedPrices: { USD: 10 },
      })),
    }));
    const [p] = (await listProducts(ctx, { limit: 1 })).items;
    await addProductImage(ctx, p!.id, { mediaId: await makeMediaAsset(ctx) });
    const count = async (input: ListProductsInput) => {
      const before = db.stats.statements;
      const page = await listProducts(ctx, input);
      return { statements: db.stats.statements - before, items: page.items.length };
    };
    expect(await count({ limit: 1 })).toEqual({ statements: 3, items: 1 });
    expect(await count({ limit: 24 })).toEqual({ statements: 3, items: 24 });
    expect(await count({ limit: 24, inStock: true, madeToOrder: false })).toEqual({
      statements: 3,
      items: 24,
    });
  });

  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 101', { limit: 101 }, 'limit'],
    ['a fractional limit', { limit: 2.5 }, 'limit'],
    ['a garbage cursor', { cursor: 'garbage!' }, 'cursor'],
    [
      'a cursor of another kind',
      { cursor: Buffer.from('{"k":"s","t":0,"c":1,"i":"prod_01jd3k8w2x"}').toString('base64url') },
      'cursor',
    ],
    ['an unknown status', { status: 'deleted' }, 'status'],
  ])('refuses %s with VALIDATION', async (_, input, path) => {
    const ctx = await makeShop(db);
    await expect(listProducts(ctx, input as ListProductsInput)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path })],
    });
  });

  it('an empty shop and a cursor past the end give an empty page', async () => {
    const ctx = await makeShop(db);
    expect(await listProducts(ctx)).toEqual({ items: [], nextCursor: null });
    await makeProduct(ctx);
    const past = encodeListCursor({ createdAt: 0, id: 'prod_0000000000000000000000' });
    expect(await listProducts(ctx, { cursor: past })).toEqual({ items: [], nextCursor: null });
  });
});
