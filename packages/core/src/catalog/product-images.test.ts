import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  catalogRowCounts,
  makeMediaAsset,
  makeProduct,
} from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { mediaAssets } from '../schema/media.js';
import { getProduct } from './get-product.js';
import {
  addProductImage,
  MAX_PRODUCT_IMAGES,
  removeProductImage,
  reorderProductImages,
  setProductImageAlt,
} from './product-images.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb();
});

describe('product images', () => {
  it('adds photos in order, reorders, sets alt texts and removes', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const a = await addProductImage(ctx, p.id, {
      mediaId: await makeMediaAsset(ctx),
      alt: { 'zh-CN': '山核桃' },
    });
    const b = await addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(ctx) });
    const c = await addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(ctx) });
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
    expect(a).toMatchObject({ alt: '山核桃', altLocale: 'zh-CN', width: 1600, height: 1200 });

    const order = await reorderProductImages(ctx, p.id, [c.id, a.id, b.id]);
    expect(order.map((i) => [i.id, i.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    expect((await getProduct(ctx, p.id)).image?.id).toBe(c.id);

    const withAlt = await setProductImageAlt({ ...ctx, locale: 'en' }, b.id, {
      en: 'Gift box',
      'zh-CN': '',
    });
    expect(withAlt).toMatchObject({
      alt: 'Gift box',
      altLocale: 'en',
      altTexts: { en: 'Gift box' },
    });

    await removeProductImage(ctx, c.id);
    expect((await getProduct(ctx, p.id)).images.map((i) => [i.id, i.position])).toEqual([
      [a.id, 0],
      [b.id, 1],
    ]);
  });

  it('refuses a photo of another shop, or unknown, with NOT_FOUND', async () => {
    const ctx = await makeShop(db);
    const other = await makeShop(db);
    const p = await makeProduct(ctx);
    const before = await catalogRowCounts(ctx);
    await expect(
      addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(other) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addProductImage(ctx, p.id, { mediaId: 'med_missing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await catalogRowCounts(ctx)).toEqual(before);
  });

  it('refuses a reorder that is not exactly the product’s photos', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const a = await addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(ctx) });
    const b = await addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(ctx) });
    for (const ids of [[a.id], [a.id, a.id], [a.id, b.id, 'img_x'], [b.id, 'img_x']]) {
      await expect(reorderProductImages(ctx, p.id, ids)).rejects.toMatchObject({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: 'imageIds' })],
      });
    }
    expect((await getProduct(ctx, p.id)).images.map((i) => i.id)).toEqual([a.id, b.id]);
  });

  it(`allows at most ${MAX_PRODUCT_IMAGES} photos`, async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    await ctx.db.transaction(async () => {
      for (let i = 0; i < MAX_PRODUCT_IMAGES; i++)
        await addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(ctx) });
    });
    await expect(
      addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(ctx) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses alt texts over 300 characters', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const a = await addProductImage(ctx, p.id, { mediaId: await makeMediaAsset(ctx) });
    await expect(setProductImageAlt(ctx, a.id, { en: 'x'.repeat(301) })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'en' })],
    });
  });

  it('a deleted media asset leaves the product (cascade)', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const media = await makeMediaAsset(ctx);
    await addProductImage(ctx, p.id, { mediaId: media });
    await db.transaction((tx) =>
      tx
        .delete(mediaAssets)
        .where(and(eq(mediaAssets.shopId, ctx.shop.id), eq(mediaAssets.id, media))),
    );
    expect((await getProduct(ctx, p.id)).images).toEqual([]);
  });
});
