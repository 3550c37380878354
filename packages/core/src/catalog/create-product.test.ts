import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogRowCounts, contextAs, makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { auditLog } from '../schema/platform.js';
import { createCollection } from './collection-commands.js';
import { createProduct } from './create-product.js';
import type { CreateProductInput } from './product-schemas.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb();
});

const variant = (sku: string, extra: Partial<CreateProductInput['variants'][number]> = {}) => ({
  sku,
  priceMinor: 45000,
  stockOnHand: 2,
  weightGrams: 4500,
  ...extra,
});

const molcajete = (): CreateProductInput => ({
  originCountry: 'mx',
  originPlace: 'Comonfort, Guanajuato',
  texts: {
    'es-MX': {
      title: 'Molcajete de piedra volcánica',
      description: 'Tallado a mano, con tejolote.',
      materials: 'Basalto',
    },
    en: { title: 'Volcanic stone molcajete', source: 'machine' },
  },
  options: [
    {
      name: { 'es-MX': 'Tamaño', en: 'Size' },
      values: [{ 'es-MX': 'Chico' }, { 'es-MX': 'Grande', en: 'Large' }],
    },
  ],
  variants: [
    variant('MOL-S', {
      priceMinor: undefined,
      price: '450',
      optionValues: [0],
      madeToOrder: true,
      processingDaysMin: 3,
      processingDaysMax: 7,
    }),
    variant('MOL-L', {
      priceMinor: 180000,
      optionValues: [1],
      fixedPrices: { USD: 9900, EUR: 8900 },
    }),
  ],
});

/** The input with its options dropped and a single variant. */
const only = (i: CreateProductInput, v: CreateProductInput['variants'][number]) => ({
  ...i,
  options: [],
  variants: [v],
});

const mexicanShop = () =>
  makeShop(db, {
    baseCurrency: 'MXN',
    defaultLocale: 'es-MX',
    texts: { 'es-MX': { name: 'Taller' } },
  });

describe('createProduct', () => {
  it('creates a product with texts, options, variants and prices', async () => {
    const ctx = await mexicanShop();
    const p = await createProduct(ctx, molcajete());
    expect(p).toMatchObject({
      slug: 'molcajete-de-piedra-volcanica',
      status: 'draft',
      title: 'Volcanic stone molcajete',
      titleLocale: 'en',
      textLocale: 'en',
      texts: ['en', 'es-MX'],
      originCountry: 'MX',
      originPlace: 'Comonfort, Guanajuato',
      baseCurrency: 'MXN',
      priceMinMinor: 45000,
      inStock: true,
      madeToOrder: true,
      publishedAt: null,
    });
    expect(p.options).toEqual([
      expect.objectContaining({
        name: 'Size',
        values: [
          expect.objectContaining({ label: 'Chico' }),
          expect.objectContaining({ label: 'Large' }),
        ],
      }),
    ]);
    expect(p.variants.map((v) => [v.sku, v.priceMinor, v.label, v.fixedPrices])).toEqual([
      ['MOL-S', 45000, 'Chico', {}],
      ['MOL-L', 180000, 'Large', { USD: 9900, EUR: 8900 }],
    ]);
    expect(p.variants[0]).toMatchObject({
      madeToOrder: true,
      processingDaysMin: 3,
      processingDaysMax: 7,
    });
    expect(p.variants[1]).toMatchObject({ processingDaysMin: 0, processingDaysMax: 0 });
    expect(p.variants[1]?.optionValueIds).toEqual([p.options[0]?.values[1]?.id]);
  });

  it('parses the seller-typed price in the base currency', async () => {
    const ctx = await mexicanShop();
    const p = await makeProduct(ctx, {
      variants: [variant('A', { priceMinor: undefined, price: '1,234.50' })],
    });
    expect(p.variants[0]?.priceMinor).toBe(123450);
    const jpy = await makeShop(db, { baseCurrency: 'JPY' });
    const q = await makeProduct(jpy, {
      variants: [variant('B', { priceMinor: undefined, price: '8800' })],
    });
    expect(q.variants[0]?.priceMinor).toBe(8800);
  });

  it('makes the slug from a Latin title, else from the id, and avoids taken ones', async () => {
    const ctx = await makeShop(db);
    const cn = await createProduct(ctx, {
      texts: { 'zh-CN': { title: '山核桃礼盒' } },
      variants: [],
    });
    expect(cn.slug).toMatch(/^product-[0-9a-z]{8}$/);
    const a = await createProduct(ctx, {
      texts: { 'zh-CN': { title: '临安山核桃' }, en: { title: 'Lin’an hickory nuts' } },
      variants: [],
    });
    expect(a.slug).toBe('lin-an-hickory-nuts');
    const b = await createProduct(ctx, {
      texts: { en: { title: 'Lin’an Hickory Nuts!' } },
      variants: [],
    });
    expect(b.slug).toMatch(/^lin-an-hickory-nuts-[0-9a-z]{8}$/);
  });

  it('puts the product in collections', async () => {
    const ctx = await makeShop(db);
    const c = await createCollection(ctx, { slug: 'gifts', title: { en: 'Gifts' } });
    const p = await makeProduct(ctx, { collectionIds: [c.id] });
    expect(p.collections).toEqual([{ id: c.id, slug: 'gifts', title: 'Gifts' }]);
  });

  it('publishes at once when asked, with publishedAt set', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, { status: 'active' });
    expect(p.status).toBe('active');
    expect(p.publishedAt).toEqual(p.createdAt);
  });

  describe('refuses bad input, naming the field, and writes nothing', () => {
    const cases: [string, (i: CreateProductInput) => CreateProductInput, string, string][] = [
      [
        'too many decimals for MXN',
        (i) => only(i, variant('X', { priceMinor: undefined, price: '350.555' })),
        'VALIDATION',
        'variants.0.price',
      ],
      [
        'a price that is not a number',
        (i) => only(i, variant('X', { priceMinor: undefined, price: 'cheap' })),
        'VALIDATION',
        'variants.0.price',
      ],
      [
        'a zero price',
        (i) => only(i, variant('X', { priceMinor: undefined, price: '0' })),
        'VALIDATION',
        'variants.0.price',
      ],
      [
        'both price and priceMinor',
        (i) => only(i, variant('X', { price: '10' })),
        'VALIDATION',
        'variants.0.price',
      ],
      [
        'no price',
        (i) => only(i, variant('X', { priceMinor: undefined })),
        'VALIDATION',
        'variants.0.price',
      ],
      [
        'a fractional priceMinor',
        (i) => only(i, variant('X', { priceMinor: 10.5 })),
        'VALIDATION',
        'variants.0.priceMinor',
      ],
      [
        'negative stock',
        (i) => only(i, variant('X', { stockOnHand: -1 })),
        'VALIDATION',
        'variants.0.stockOnHand',
      ],
      [
        'negative weight',
        (i) => only(i, variant('X', { weightGrams: -5 })),
        'VALIDATION',
        'variants.0.weightGrams',
      ],
      [
        'an unknown currency in fixedPrices',
        (i) => only(i, variant('X', { fixedPrices: { XYZ: 100 } })),
        'VALIDATION',
        'variants.0.fixedPrices.XYZ',
      ],
      [
        'the base currency in fixedPrices',
        (i) => only(i, variant('X', { fixedPrices: { MXN: 100 } })),
        'VALIDATION',
        'variants.0.fixedPrices.MXN',
      ],
      [
        'a negative fixed price',
        (i) => only(i, variant('X', { fixedPrices: { USD: -1 } })),
        'VALIDATION',
        'variants.0.fixedPrices.USD',
      ],
      [
        'a duplicate SKU in the input',
        (i) => ({ ...i, options: [], variants: [variant('X'), variant('X')] }),
        'VALIDATION',
        'variants.1.sku',
      ],
      [
        'two variants and no option to tell them apart',
        (i) => ({ ...i, options: [], variants: [variant('X'), variant('Y')] }),
        'VALIDATION',
        'options',
      ],
      [
        'a SKU with spaces',
        (i) => ({ ...i, options: [], variants: [variant('MOL 1')] }),
        'VALIDATION',
        'variants.0.sku',
      ],
      [
        'a title over 200 characters',
        (i) => ({ ...i, texts: { en: { title: 'x'.repeat(201) } } }),
        'VALIDATION',
        'texts.en.title',
      ],
      [
        'a description over 20,000 characters',
        (i) => ({ ...i, texts: { en: { title: 'x', description: 'x'.repeat(20_001) } } }),
        'VALIDATION',
        'texts.en.description',
      ],
      [
        'an empty title',
        (i) => ({ ...i, texts: { en: { title: '   ' } } }),
        'VALIDATION',
        'texts.en.title',
      ],
      ['no texts at all', (i) => ({ ...i, texts: {} }), 'VALIDATION', 'texts'],
      [
        'an unsupported locale',
        (i) => ({ ...i, texts: { fr: { title: 'x' } } as CreateProductInput['texts'] }),
        'VALIDATION',
        'texts',
      ],
      ['a bad slug', (i) => ({ ...i, slug: 'Not A Slug' }), 'VALIDATION', 'slug'],
      [
        'a bad origin country',
        (i) => ({ ...i, originCountry: 'Mexico' }),
        'VALIDATION',
        'originCountry',
      ],
      [
        'missing option values',
        (i) => ({ ...i, variants: [variant('X')] }),
        'VALIDATION',
        'variants.0.optionValues',
      ],
      [
        'an option value out of range',
        (i) => ({ ...i, variants: [variant('X', { optionValues: [2] })] }),
        'VALIDATION',
        'variants.0.optionValues.0',
      ],
      [
        'two variants with the same option values',
        (i) => ({
          ...i,
          variants: [variant('X', { optionValues: [0] }), variant('Y', { optionValues: [0] })],
        }),
        'VALIDATION',
        'variants.1.optionValues',
      ],
      [
        'processing days max below min',
        (i) => ({
          ...i,
          options: [],
          variants: [variant('X', { processingDaysMin: 5, processingDaysMax: 2 })],
        }),
        'VALIDATION',
        'variants.0.processingDaysMax',
      ],
      [
        'publishing without variants',
        (i) => ({ ...i, status: 'active', options: [], variants: [] }),
        'VALIDATION',
        'variants',
      ],
    ];
    it.each(cases)('%s', async (_, change, code, path) => {
      const ctx = await mexicanShop();
      await makeProduct(ctx);
      const before = await catalogRowCounts(ctx);
      const err = await createProduct(ctx, change(molcajete())).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code,
        issues: expect.arrayContaining([expect.objectContaining({ path })]),
      });
      expect(await catalogRowCounts(ctx)).toEqual(before);
    });

    it('a slug another product has: CONFLICT on slug', async () => {
      const ctx = await mexicanShop();
      await createProduct(ctx, { ...molcajete(), slug: 'molcajete' });
      const before = await catalogRowCounts(ctx);
      const err = await createProduct(ctx, {
        ...molcajete(),
        slug: 'molcajete',
        variants: [variant('Z', { optionValues: [0] })],
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'CONFLICT',
        issues: [expect.objectContaining({ path: 'slug' })],
      });
      expect(await catalogRowCounts(ctx)).toEqual(before);
    });

    it('a SKU another product has, on the second variant: CONFLICT, nothing saved (failed halfway)', async () => {
      const ctx = await mexicanShop();
      await makeProduct(ctx, { variants: [variant('TAKEN')] });
      const before = await catalogRowCounts(ctx);
      const input = molcajete();
      input.variants[1]!.sku = 'TAKEN';
      const err = await createProduct(ctx, input).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'CONFLICT',
        issues: [expect.objectContaining({ path: 'variants.1.sku' })],
      });
      expect(await catalogRowCounts(ctx)).toEqual(before);
    });

    it('a collection of another shop: NOT_FOUND, nothing saved', async () => {
      const ctx = await mexicanShop();
      const other = await makeShop(db);
      const theirs = await createCollection(other, { slug: 'theirs', title: { en: 'Theirs' } });
      const before = await catalogRowCounts(ctx);
      const err = await createProduct(ctx, { ...molcajete(), collectionIds: [theirs.id] }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: 'NOT_FOUND' });
      expect(await catalogRowCounts(ctx)).toEqual(before);
    });

    it('the same SKU in two shops is fine', async () => {
      const a = await mexicanShop();
      const b = await mexicanShop();
      await makeProduct(a, { variants: [variant('SAME')] });
      await expect(makeProduct(b, { variants: [variant('SAME')] })).resolves.toBeDefined();
    });
  });

  it('audits what a trainer creates, not what the owner creates', async () => {
    const ctx = await makeShop(db);
    const owner = await contextAs(ctx, 'owner');
    const trainer = await contextAs(ctx, 'trainer');
    const mine = await makeProduct(owner);
    const theirs = await makeProduct(trainer);
    const rows = await db.read
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.shopId, ctx.shop.id), eq(auditLog.action, 'product.create')));
    expect(rows.map((r) => [r.entityId, r.actorRole])).toEqual([[theirs.id, 'trainer']]);
    expect(rows.some((r) => r.entityId === mine.id)).toBe(false);
  });
});
