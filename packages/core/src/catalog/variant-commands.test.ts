import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogRowCounts, contextAs, makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { auditLog } from '../schema/platform.js';
import type { ShopContext } from '../tenancy/context.js';
import { getProduct } from './get-product.js';
import { setVariantPrice, setVariantStock } from './variant-commands.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb();
});

const audits = (ctx: ShopContext, action: string) =>
  db.read
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.shopId, ctx.shop.id), eq(auditLog.action, action)));

describe('setVariantStock', () => {
  it('sets stock on hand and returns the variant', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const v = await setVariantStock(ctx, p.variants[0]!.id, { stockOnHand: 0 });
    expect(v).toMatchObject({ id: p.variants[0]?.id, stockOnHand: 0 });
    expect((await getProduct(ctx, p.id)).inStock).toBe(false);
  });

  it('refuses negative or absurd stock, writing nothing', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const before = await catalogRowCounts(ctx);
    for (const stockOnHand of [-1, 1.5, 10_000_001]) {
      await expect(setVariantStock(ctx, p.variants[0]!.id, { stockOnHand })).rejects.toMatchObject({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: 'stockOnHand' })],
      });
    }
    expect(await catalogRowCounts(ctx)).toEqual(before);
    expect((await getProduct(ctx, p.id)).variants[0]?.stockOnHand).toBe(10);
  });

  it('audits a trainer’s stock change only', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    await setVariantStock(await contextAs(ctx, 'owner'), p.variants[0]!.id, { stockOnHand: 3 });
    await setVariantStock(await contextAs(ctx, 'trainer'), p.variants[0]!.id, { stockOnHand: 4 });
    const rows = await audits(ctx, 'variant.stock_set');
    expect(rows.map((r) => [r.actorRole, r.data])).toEqual([['trainer', { from: 3, to: 4 }]]);
  });
});

describe('setVariantPrice', () => {
  it('sets a seller-typed price in the base currency and replaces fixed prices when given', async () => {
    const ctx = await makeShop(db, { baseCurrency: 'MXN' });
    const p = await makeProduct(ctx, {
      variants: [
        {
          sku: 'M1',
          priceMinor: 45000,
          stockOnHand: 1,
          weightGrams: 1,
          fixedPrices: { USD: 2500 },
        },
      ],
    });
    const id = p.variants[0]!.id;
    expect(await setVariantPrice(ctx, id, { price: '850.50' })).toMatchObject({
      priceMinor: 85050,
      fixedPrices: { USD: 2500 },
    });
    expect(
      await setVariantPrice(ctx, id, { priceMinor: 90000, fixedPrices: { EUR: 4500 } }),
    ).toMatchObject({
      priceMinor: 90000,
      fixedPrices: { EUR: 4500 },
    });
  });

  it('always audits a price change, with before and after', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const owner = await contextAs(ctx, 'owner');
    await setVariantPrice(owner, p.variants[0]!.id, {
      priceMinor: 9900,
      fixedPrices: { USD: 1500 },
    });
    await setVariantPrice(owner, p.variants[0]!.id, { priceMinor: 9900 }); // no change
    const rows = await audits(ctx, 'variant.price_change');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorRole: 'owner',
      entityId: p.variants[0]?.id,
      data: expect.objectContaining({
        from: { priceMinor: 8800, fixedPrices: {} },
        to: { priceMinor: 9900, fixedPrices: { USD: 1500 } },
      }),
    });
  });

  it.each([
    ['too many decimals for MXN', { price: '350.555' }, 'price'],
    ['a negative price', { price: '-5' }, 'price'],
    ['both forms', { price: '5', priceMinor: 500 }, 'price'],
    ['nothing', {}, 'price'],
    ['an unknown currency', { priceMinor: 500, fixedPrices: { QQQ: 1 } }, 'fixedPrices.QQQ'],
    [
      'the base currency as a fixed price',
      { priceMinor: 500, fixedPrices: { MXN: 1 } },
      'fixedPrices.MXN',
    ],
  ])('refuses %s, writing nothing', async (_, input, path) => {
    const ctx = await makeShop(db, { baseCurrency: 'MXN' });
    const p = await makeProduct(ctx);
    const before = await catalogRowCounts(ctx);
    await expect(setVariantPrice(ctx, p.variants[0]!.id, input)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path })],
    });
    expect(await catalogRowCounts(ctx)).toEqual(before);
  });

  it('NOT_FOUND for an unknown variant', async () => {
    const ctx = await makeShop(db);
    await expect(setVariantPrice(ctx, 'var_missing', { priceMinor: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(setVariantStock(ctx, 'var_missing', { stockOnHand: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
