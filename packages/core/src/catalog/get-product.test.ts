import { beforeAll, describe, expect, it } from 'vitest';
import { contextAs, makeMediaAsset, makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import type { ShopContext } from '../tenancy/context.js';
import { createCollection } from './collection-commands.js';
import { createProduct } from './create-product.js';
import { findProductBySlug, getProduct, getProductBySlug } from './get-product.js';
import { addProductImage } from './product-images.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb({ countStatements: true });
});

const inLocale = (ctx: ShopContext, locale: ShopContext['locale']): ShopContext => ({
  ...ctx,
  locale,
});

describe('getProduct / getProductBySlug', () => {
  it('resolves texts: requested locale → shop default → any, and says which', async () => {
    // Shop default zh-CN; texts in zh-CN and en.
    const ctx = await makeShop(db);
    const p = await createProduct(ctx, {
      status: 'active',
      texts: {
        'zh-CN': { title: '山核桃', description: '手剥' },
        en: { title: 'Hickory nuts', description: 'Hand-cracked', care: 'Keep dry' },
      },
      variants: [{ sku: 'H1', priceMinor: 8800, stockOnHand: 1, weightGrams: 500 }],
    });
    const en = await getProduct(inLocale(ctx, 'en'), p.id);
    expect(en).toMatchObject({
      title: 'Hickory nuts',
      description: 'Hand-cracked',
      care: 'Keep dry',
      textLocale: 'en',
    });
    const es = await getProduct(inLocale(ctx, 'es-MX'), p.id);
    expect(es).toMatchObject({
      title: '山核桃',
      description: '手剥',
      care: '',
      textLocale: 'zh-CN',
      titleLocale: 'zh-CN',
    });
    // No text in the requested nor the default locale: any (the first by locale).
    const onlyEs = await createProduct(ctx, {
      status: 'active',
      texts: { 'es-MX': { title: 'Nueces' } },
      variants: [{ sku: 'H2', priceMinor: 8800, stockOnHand: 1, weightGrams: 500 }],
    });
    expect(await getProduct(inLocale(ctx, 'en'), onlyEs.id)).toMatchObject({
      title: 'Nueces',
      textLocale: 'es-MX',
    });
    expect(en.texts).toEqual(['en', 'zh-CN']);
  });

  it('gives buyers active products only; the admin sees drafts with includeUnpublished', async () => {
    const ctx = await makeShop(db);
    const draft = await makeProduct(ctx, { status: 'draft' });
    const buyer = await contextAs(ctx, 'buyer');
    await expect(getProduct(buyer, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getProductBySlug(buyer, draft.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await findProductBySlug(buyer, draft.slug)).toBeUndefined();
    const staff = await contextAs(ctx, 'staff');
    const seen = await getProduct(staff, draft.id, { includeUnpublished: true });
    expect(seen.status).toBe('draft');
    expect(seen.textsByLocale?.en?.title).toBe(draft.textsByLocale?.en?.title);
    // Buyers never get the editor's texts, even of active products.
    const active = await makeProduct(ctx);
    expect((await getProduct(buyer, active.id)).textsByLocale).toBeUndefined();
  });

  it('refuses includeUnpublished to buyers and strangers with NOT_FOUND', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    for (const role of ['buyer', 'none'] as const) {
      const other = await contextAs(ctx, role);
      await expect(getProduct(other, p.id, { includeUnpublished: true })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      // …while the public read works.
      await expect(getProduct(other, p.id)).resolves.toMatchObject({ id: p.id });
    }
  });

  it('throws NOT_FOUND for unknown ids and slugs; find returns undefined', async () => {
    const ctx = await makeShop(db);
    await expect(getProduct(ctx, 'prod_nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getProductBySlug(ctx, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await findProductBySlug(ctx, 'nope')).toBeUndefined();
  });

  it('returns photos in order with their files, and collections', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const m1 = await makeMediaAsset(ctx);
    const m2 = await makeMediaAsset(ctx);
    await addProductImage(ctx, p.id, {
      mediaId: m1,
      alt: { en: 'A bag of nuts', 'zh-CN': '一袋山核桃' },
    });
    await addProductImage(ctx, p.id, { mediaId: m2 });
    const c = await createCollection(ctx, {
      slug: 'nuts',
      title: { 'zh-CN': '坚果', en: 'Nuts' },
      productIds: [p.id],
    });
    const got = await getProduct(inLocale(ctx, 'en'), p.id);
    expect(got.images.map((i) => [i.mediaId, i.position, i.alt, i.altLocale])).toEqual([
      [m1, 0, 'A bag of nuts', 'en'],
      [m2, 1, '', null],
    ]);
    expect(got.image?.mediaId).toBe(m1);
    expect(got.images[0]?.files.map((f) => [f.format, f.width])).toEqual([
      ['webp', 320],
      ['webp', 640],
    ]);
    expect(got.images[0]).toMatchObject({
      width: 1600,
      height: 1200,
      placeholder: expect.stringMatching(/^data:/),
    });
    expect(got.collections).toEqual([{ id: c.id, slug: 'nuts', title: 'Nuts' }]);
  });

  it('runs five statements however many variants, photos and options it has', async () => {
    const ctx = await makeShop(db);
    const small = await makeProduct(ctx);
    const big = await makeProduct(ctx, {
      options: [
        { name: { en: 'Grade' }, values: [{ en: 'A' }, { en: 'B' }, { en: 'C' }] },
        { name: { en: 'Pack' }, values: [{ en: '250 g' }, { en: '500 g' }] },
      ],
      variants: [0, 1, 2].flatMap((g) =>
        [0, 1].map((k) => ({
          sku: `G${g}-${k}`,
          priceMinor: 1000 + g,
          stockOnHand: 1,
          weightGrams: 250,
          optionValues: [g, k],
          fixedPrices: { USD: 500 },
        })),
      ),
    });
    for (let i = 0; i < 3; i++)
      await addProductImage(ctx, big.id, { mediaId: await makeMediaAsset(ctx) });
    const count = async (slug: string) => {
      const before = db.stats.statements;
      await getProductBySlug(ctx, slug);
      return db.stats.statements - before;
    };
    expect(await count(small.slug)).toBe(5);
    expect(await count(big.slug)).toBe(5);
    const detail = await getProductBySlug(ctx, big.slug);
    expect(detail.variants).toHaveLength(6);
    expect(detail.variants[5]?.label).toBe('C / 500 g');
  });
});
