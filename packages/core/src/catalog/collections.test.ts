import { beforeAll, describe, expect, it } from 'vitest';
import { catalogRowCounts, contextAs, makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { pauseProduct } from './change-product-status.js';
import {
  createCollection,
  deleteCollection,
  setCollectionProducts,
  updateCollection,
} from './collection-commands.js';
import { getCollectionBySlug, listCollections } from './collection-reads.js';
import { getProduct } from './get-product.js';
import { listProducts } from './list-products.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb();
});

describe('collections', () => {
  it('creates, lists with counts, renames, refills and deletes', async () => {
    const ctx = await makeShop(db);
    const a = await makeProduct(ctx);
    const b = await makeProduct(ctx);
    // Asked in Spanish: no Spanish title, so the shop's default (Chinese).
    const gifts = await createCollection(
      { ...ctx, locale: 'es-MX' },
      {
        slug: 'gift-boxes',
        title: { 'zh-CN': '礼盒', en: 'Gift boxes' },
        description: { en: 'For the new year' },
        productIds: [a.id, b.id],
        position: 1,
      },
    );
    expect(gifts).toMatchObject({
      slug: 'gift-boxes',
      title: '礼盒',
      titleLocale: 'zh-CN',
      productCount: 2,
    });
    const nuts = await createCollection(ctx, { slug: 'nuts', title: { en: 'Nuts' } });
    const en = { ...ctx, locale: 'en' as const };
    expect((await listCollections(en)).map((c) => [c.slug, c.title, c.productCount])).toEqual([
      ['nuts', 'Nuts', 0],
      ['gift-boxes', 'Gift boxes', 2],
    ]);
    await pauseProduct(ctx, b.id);
    const buyer = await contextAs(ctx, 'buyer');
    expect((await getCollectionBySlug(buyer, 'gift-boxes')).collection.productCount).toBe(1);
    expect(
      (await getCollectionBySlug(ctx, 'gift-boxes', { includeUnpublished: true })).collection
        .productCount,
    ).toBe(2);

    const renamed = await updateCollection(en, gifts.id, {
      slug: 'gifts',
      description: { en: 'Boxed' },
    });
    expect(renamed).toMatchObject({ slug: 'gifts', description: 'Boxed', title: 'Gift boxes' });
    const refilled = await setCollectionProducts(ctx, nuts.id, [b.id, a.id]);
    expect(refilled.productCount).toBe(2);
    expect((await getProduct(ctx, a.id)).collections.map((c) => c.slug).sort()).toEqual([
      'gifts',
      'nuts',
    ]);

    await deleteCollection(ctx, gifts.id);
    await expect(getCollectionBySlug(ctx, 'gifts')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getProduct(ctx, a.id)).collections.map((c) => c.slug)).toEqual(['nuts']);
  });

  it('lists a collection’s products through listProducts', async () => {
    const ctx = await makeShop(db);
    const a = await makeProduct(ctx);
    await makeProduct(ctx);
    const c = await createCollection(ctx, {
      slug: 'only-a',
      title: { en: 'A' },
      productIds: [a.id],
    });
    expect((await listProducts(ctx, { collectionId: c.id })).items.map((p) => p.id)).toEqual([
      a.id,
    ]);
  });

  it('refuses a taken slug (CONFLICT), another shop’s product (NOT_FOUND), duplicates (VALIDATION), writing nothing', async () => {
    const ctx = await makeShop(db);
    const other = await makeShop(db);
    const p = await makeProduct(ctx);
    const theirs = await makeProduct(other);
    const c = await createCollection(ctx, { slug: 'taken', title: { en: 'T' } });
    const before = await catalogRowCounts(ctx);
    await expect(
      createCollection(ctx, { slug: 'taken', title: { en: 'T' } }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [expect.objectContaining({ path: 'slug' })],
    });
    await expect(
      createCollection(ctx, { slug: 'new-one', title: { en: 'N' }, productIds: [p.id, theirs.id] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setCollectionProducts(ctx, c.id, [p.id, p.id])).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(setCollectionProducts(ctx, c.id, [theirs.id])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(createCollection(ctx, { slug: 'no-title', title: {} })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'title' })],
    });
    expect(await catalogRowCounts(ctx)).toEqual(before);
  });
});
