import { beforeAll, describe, expect, it } from 'vitest';
import { makeMediaAsset, makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { pauseProduct } from './change-product-status.js';
import { findVariants } from './find-variants.js';
import { addProductImage } from './product-images.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb({ countStatements: true });
});

describe('findVariants', () => {
  it('returns the variants asked for, in order, with product, photo and prices', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, {
      texts: { 'zh-CN': { title: '山核桃' }, en: { title: 'Hickory nuts' } },
      options: [{ name: { en: 'Pack' }, values: [{ en: '250 g' }, { en: '500 g' }] }],
      variants: [
        { sku: 'P250', priceMinor: 4800, stockOnHand: 3, weightGrams: 250, optionValues: [0] },
        {
          sku: 'P500',
          priceMinor: 8800,
          stockOnHand: 0,
          weightGrams: 500,
          optionValues: [1],
          fixedPrices: { USD: 1399 },
        },
      ],
    });
    const q = await makeProduct(ctx);
    await pauseProduct(ctx, q.id);
    const media = await makeMediaAsset(ctx);
    await addProductImage(ctx, p.id, { mediaId: media });
    const [v250, v500] = p.variants;
    const before = db.stats.statements;
    const found = await findVariants({ ...ctx, locale: 'en' }, [
      v500!.id,
      q.variants[0]!.id,
      'var_missing',
      v250!.id,
      v500!.id,
    ]);
    expect(db.stats.statements - before).toBe(2);
    expect(found.map((v) => v.id)).toEqual([v500!.id, q.variants[0]!.id, v250!.id]);
    expect(found[0]).toMatchObject({
      sku: 'P500',
      label: '500 g',
      priceMinor: 8800,
      fixedPrices: { USD: 1399 },
      stockOnHand: 0,
      weightGrams: 500,
      baseCurrency: 'CNY',
      productId: p.id,
      product: {
        id: p.id,
        slug: p.slug,
        status: 'active',
        title: 'Hickory nuts',
        titleLocale: 'en',
      },
      image: expect.objectContaining({ mediaId: media }),
    });
    expect(found[1]).toMatchObject({ product: { status: 'paused' }, image: null });
  });

  it('never returns another shop’s variants', async () => {
    const a = await makeShop(db);
    const b = await makeShop(db);
    const p = await makeProduct(a);
    expect(await findVariants(b, [p.variants[0]!.id])).toEqual([]);
    expect(await findVariants(a, [])).toEqual([]);
  });

  it('refuses absurd input', async () => {
    const ctx = await makeShop(db);
    const ids = Array.from({ length: 501 }, (_, i) => `var_${i}`);
    await expect(findVariants(ctx, ids)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
