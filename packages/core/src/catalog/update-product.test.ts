import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogRowCounts, contextAs, makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { variants } from '../schema/catalog.js';
import { auditLog } from '../schema/platform.js';
import type { ShopContext } from '../tenancy/context.js';
import { createCollection } from './collection-commands.js';
import { getProduct } from './get-product.js';
import type { CreateProductInput, UpdateProductInput } from './product-schemas.js';
import { updateProduct } from './update-product.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb();
});

const v = (sku: string, optionValues: number[], extra: Record<string, unknown> = {}) => ({
  sku,
  priceMinor: 45000,
  stockOnHand: 2,
  weightGrams: 4500,
  optionValues,
  ...extra,
});

const sized: Partial<CreateProductInput> = {
  options: [{ name: { en: 'Size' }, values: [{ en: 'Small' }, { en: 'Large' }] }],
  variants: [v('S', [0]), v('L', [1], { fixedPrices: { USD: 9900 } })],
};

async function audit(ctx: ShopContext, action: string) {
  return db.read
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.shopId, ctx.shop.id), eq(auditLog.action, action)));
}

describe('updateProduct', () => {
  it('upserts texts per locale and removes one with null', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const u = await updateProduct(ctx, p.id, {
      texts: {
        en: { title: 'Hickory nuts, grade A', care: 'Keep dry' },
        'es-MX': { title: 'Nueces' },
        'zh-CN': null,
      },
      originPlace: 'Lin’an',
    });
    expect(u.texts).toEqual(['en', 'es-MX']);
    expect(u.textsByLocale?.en).toMatchObject({
      title: 'Hickory nuts, grade A',
      care: 'Keep dry',
      description: '',
    });
    expect(u.originPlace).toBe('Lin’an');
    expect(u.slug).toBe(p.slug); // the slug stays unless given
  });

  it('refuses to remove the last text', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const before = await catalogRowCounts(ctx);
    await expect(
      updateProduct(ctx, p.id, { texts: { en: null, 'zh-CN': null } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'texts' })],
    });
    expect(await catalogRowCounts(ctx)).toEqual(before);
  });

  it('replaces variants matched by id or SKU, adds new ones, removes listed ones', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, sized);
    const [small, large] = p.variants;
    const u = await updateProduct(ctx, p.id, {
      options: [{ name: { en: 'Size' }, values: [{ en: 'Small' }, { en: 'Large' }] }],
      variants: [
        v('S2', [0], { id: small!.id, stockOnHand: 9 }),
        v('L', [1], { priceMinor: 50000 }),
      ],
      removeVariantIds: [],
    });
    expect(
      u.variants.map((x) => [x.id, x.sku, x.stockOnHand, x.priceMinor, x.fixedPrices]),
    ).toEqual([
      [small!.id, 'S2', 9, 45000, {}],
      [large!.id, 'L', 2, 50000, { USD: 9900 }], // fixed prices left out are kept
    ]);
    const cleared = await updateProduct(ctx, p.id, {
      variants: [v('L', [1], { fixedPrices: {} })],
    });
    expect(cleared.variants[1]?.fixedPrices).toEqual({});
    const added = await updateProduct(ctx, p.id, {
      options: [
        { name: { en: 'Size' }, values: [{ en: 'Small' }, { en: 'Large' }, { en: 'Huge' }] },
      ],
      variants: [v('S2', [0]), v('L', [1]), v('H', [2])],
    });
    expect(added.variants.map((x) => [x.sku, x.label])).toEqual([
      ['S2', 'Small'],
      ['L', 'Large'],
      ['H', 'Huge'],
    ]);
    const removed = await updateProduct(ctx, p.id, { removeVariantIds: [added.variants[2]!.id] });
    expect(removed.variants.map((x) => x.sku)).toEqual(['S2', 'L']);
  });

  it('renames options in place when their shape is unchanged, keeping ids and links', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, sized);
    const u = await updateProduct(ctx, p.id, {
      options: [{ name: { en: 'Size', 'es-MX': 'Tamaño' }, values: [{ en: 'S' }, { en: 'L' }] }],
    });
    expect(u.options[0]?.id).toBe(p.options[0]?.id);
    expect(u.options[0]?.values.map((x) => x.id)).toEqual(p.options[0]?.values.map((x) => x.id));
    expect(u.variants.map((x) => x.label)).toEqual(['S', 'L']);
  });

  it('when options are reshaped, every variant must get its new values', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, sized);
    const before = await catalogRowCounts(ctx);
    const twoAxes = [
      { name: { en: 'Size' }, values: [{ en: 'S' }, { en: 'L' }] },
      { name: { en: 'Finish' }, values: [{ en: 'Natural' }] },
    ];
    await expect(
      updateProduct(ctx, p.id, { options: twoAxes, variants: [v('S', [0, 0])] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        expect.objectContaining({ path: 'variants', message: expect.stringContaining('L') }),
      ],
    });
    expect(await catalogRowCounts(ctx)).toEqual(before);
    const u = await updateProduct(ctx, p.id, {
      options: twoAxes,
      variants: [v('S', [0, 0]), v('L', [1, 0])],
    });
    expect(u.variants.map((x) => x.label)).toEqual(['S / Natural', 'L / Natural']);
  });

  it('refuses two variants with the same option values, nothing saved', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, sized);
    const before = await catalogRowCounts(ctx);
    await expect(
      updateProduct(ctx, p.id, { variants: [v('L', [0], { stockOnHand: 7 })] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'variants' })],
    });
    expect(await catalogRowCounts(ctx)).toEqual(before);
    expect((await getProduct(ctx, p.id)).variants[1]?.stockOnHand).toBe(2);
  });

  it('refuses a SKU another product has, on the second variant: CONFLICT, the first change rolled back', async () => {
    const ctx = await makeShop(db);
    await makeProduct(ctx, { variants: [v('TAKEN', [])] });
    const p = await makeProduct(ctx, sized);
    const err = await updateProduct(ctx, p.id, {
      variants: [v('S', [0], { stockOnHand: 99 }), v('TAKEN', [1], { id: p.variants[1]!.id })],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'CONFLICT',
      issues: [expect.objectContaining({ path: 'variants.1.sku' })],
    });
    const after = await getProduct(ctx, p.id);
    expect(after.variants.map((x) => [x.sku, x.stockOnHand])).toEqual([
      ['S', 2],
      ['L', 2],
    ]);
  });

  it('refuses a slug another product has, with CONFLICT on slug', async () => {
    const ctx = await makeShop(db);
    const a = await makeProduct(ctx);
    const b = await makeProduct(ctx);
    await expect(updateProduct(ctx, b.id, { slug: a.slug })).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [expect.objectContaining({ path: 'slug' })],
    });
  });

  it('keeps an active product sellable: its last variant cannot go', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    await expect(
      updateProduct(ctx, p.id, { removeVariantIds: [p.variants[0]!.id] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const draft = await makeProduct(ctx, { status: 'draft' });
    const u = await updateProduct(ctx, draft.id, { removeVariantIds: [draft.variants[0]!.id] });
    expect(u.variants).toEqual([]);
    expect(u.priceMinMinor).toBeNull();
  });

  it('refuses to remove a variant a checkout holds stock of', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, sized);
    const held = p.variants[0]!;
    await db.transaction((tx) =>
      tx.update(variants).set({ stockReserved: 1 }).where(eq(variants.id, held.id)),
    );
    await expect(updateProduct(ctx, p.id, { removeVariantIds: [held.id] })).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [expect.objectContaining({ path: 'removeVariantIds' })],
    });
    expect((await getProduct(ctx, p.id)).variants).toHaveLength(2);
  });

  it('refuses unknown variant ids and other products’ variants with NOT_FOUND', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx);
    const other = await makeProduct(ctx);
    await expect(
      updateProduct(ctx, p.id, { removeVariantIds: [other.variants[0]!.id] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      updateProduct(ctx, p.id, { variants: [{ ...v('X', []), id: other.variants[0]!.id }] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getProduct(ctx, other.id)).variants[0]?.sku).toBe(other.variants[0]?.sku);
  });

  it('moves the product between collections', async () => {
    const ctx = await makeShop(db);
    const a = await createCollection(ctx, { slug: 'aa', title: { en: 'A' } });
    const b = await createCollection(ctx, { slug: 'bb', title: { en: 'B' } });
    const p = await makeProduct(ctx, { collectionIds: [a.id] });
    const u = await updateProduct(ctx, p.id, { collectionIds: [b.id] });
    expect(u.collections.map((c) => c.slug)).toEqual(['bb']);
  });

  it('audits price changes whoever makes them, and every change by an operator', async () => {
    const ctx = await makeShop(db);
    const owner = await contextAs(ctx, 'owner');
    const p = await makeProduct(owner, sized);
    await updateProduct(owner, p.id, {
      variants: [v('S', [0], { priceMinor: undefined, price: '460' })],
    });
    await updateProduct(owner, p.id, {
      variants: [v('S', [0], { priceMinor: undefined, price: '460', stockOnHand: 5 })],
    }); // no price change
    const changes = await audit(ctx, 'variant.price_change');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      entityId: p.variants[0]?.id,
      actorRole: 'owner',
      data: expect.objectContaining({
        from: { priceMinor: 45000, fixedPrices: {} },
        to: { priceMinor: 46000, fixedPrices: {} },
      }),
    });
    expect(await audit(ctx, 'product.update')).toHaveLength(0);
    const operator = await contextAs(ctx, 'operator');
    await updateProduct(operator, p.id, { originPlace: 'Lin’an' });
    expect((await audit(ctx, 'product.update')).map((r) => r.actorRole)).toEqual(['operator']);
  });

  it('refuses bad input before writing anything', async () => {
    const ctx = await makeShop(db, { baseCurrency: 'MXN' });
    const p = await makeProduct(ctx);
    const before = await catalogRowCounts(ctx);
    for (const [input, path] of [
      [{ variants: [v('A', [], { priceMinor: undefined, price: '350.555' })] }, 'variants.0.price'],
      [{ variants: [v('A', [], { stockOnHand: -3 })] }, 'variants.0.stockOnHand'],
      [{ variants: [v('A', [], { fixedPrices: { ABC: 1 } })] }, 'variants.0.fixedPrices.ABC'],
      [{ texts: { en: { title: 'x'.repeat(201) } } }, 'texts.en.title'],
      [{ originPlace: 'x'.repeat(201) }, 'originPlace'],
    ] as [UpdateProductInput, string][]) {
      await expect(updateProduct(ctx, p.id, input)).rejects.toMatchObject({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path })],
      });
    }
    expect(await catalogRowCounts(ctx)).toEqual(before);
  });
});
