import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { catalogRowCounts, contextAs } from '../../../test/support/catalog-factories.js';
import { makeShop } from '../../../test/support/factories.js';
import { makeTestDb } from '../../../test/support/test-db.js';
import { createProduct } from '../../catalog/create-product.js';
import { getProduct } from '../../catalog/get-product.js';
import { listProducts } from '../../catalog/list-products.js';
import type { Database } from '../../db/database.js';
import { memoryStorage } from '../../media/memory-storage.js';
import { makeZip } from '../testing/zip.js';
import { importProducts } from './import-products.js';
import { bytesSource, fileSource, type ImportSource } from './import-source.js';
import { describeProblemWithPlace } from './problems.js';

const FIXTURES = new URL('../../../test/fixtures/csv/products/', import.meta.url);
const fixture = (name: string) => fileSource(new URL(name, FIXTURES).pathname);

const comonfortShop = (db: Database) =>
  makeShop(
    db,
    {
      baseCurrency: 'MXN',
      defaultLocale: 'es-MX',
      locales: ['en'],
      buyerCurrencies: ['USD'],
      texts: { 'es-MX': { name: 'Taller Piedra Negra' } },
    },
    { locale: 'es-MX' },
  );

async function variantsOf(db: Database, shopId: string) {
  return db.read.all<{
    sku: string;
    price_minor: number;
    stock_on_hand: number;
    weight_grams: number;
    made_to_order: number;
    processing_days_max: number;
  }>(
    sql`select sku, price_minor, stock_on_hand, weight_grams, made_to_order, processing_days_max
        from variants where shop_id = ${shopId} order by sku`,
  );
}

const jpeg = (color: string) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

describe('importProducts: good files from Excel in Mexico and China', () => {
  it('dry-runs then imports a comma file: products, options, variants, prices in the shop currency', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const dry = await importProducts(shop, fixture('good-comma.csv'), { mode: 'dry-run' });
    expect(dry).toMatchObject({
      rows: 5,
      created: 3,
      updated: 0,
      errors: 0,
      written: false,
      file: { encoding: 'utf-8', delimiter: ',' },
    });
    // Photos are listed but no zip came: a warning, imported without photos.
    expect(dry.problems.map((p) => p.code)).toEqual(['PHOTO_NO_ZIP']);
    expect((await catalogRowCounts(shop)).products).toBe(0);

    const done = await importProducts(shop, fixture('good-comma.csv'), { mode: 'all-or-nothing' });
    expect(done).toMatchObject({ created: 3, written: true, errors: 0 });
    expect(await variantsOf(db, shop.shop.id)).toEqual([
      {
        sku: 'MET-40',
        price_minor: 180000,
        stock_on_hand: 0,
        weight_grams: 15000,
        made_to_order: 1,
        processing_days_max: 20,
      },
      {
        sku: 'MOL-20-C',
        price_minor: 95000,
        stock_on_hand: 2,
        weight_grams: 4200,
        made_to_order: 0,
        processing_days_max: 5,
      },
      {
        sku: 'MOL-20-N',
        price_minor: 85000,
        stock_on_hand: 3,
        weight_grams: 4200,
        made_to_order: 0,
        processing_days_max: 5,
      },
      {
        sku: 'MOL-25-N',
        price_minor: 125000,
        stock_on_hand: 1,
        weight_grams: 6100,
        made_to_order: 0,
        processing_days_max: 7,
      },
      {
        sku: 'TEJ-1',
        price_minor: 12050,
        stock_on_hand: 10,
        weight_grams: 600,
        made_to_order: 0,
        processing_days_max: 0,
      },
    ]);
    const products = await db.read.all<{ slug: string; status: string; options: number }>(sql`
      select p.slug, p.status, (select count(*) from product_options o where o.shop_id = p.shop_id and o.product_id = p.id) as options
      from products p where p.shop_id = ${shop.shop.id} order by p.slug`);
    expect(products).toEqual([
      { slug: 'metate-de-tres-patas', status: 'draft', options: 0 },
      { slug: 'molcajete-de-piedra-volcanica', status: 'draft', options: 2 },
      { slug: 'tejolote-suelto', status: 'draft', options: 0 },
    ]);
    // Buyers can search the imported texts (the catalog's FTS triggers ran).
    const fts = await db.read.get<{ n: number }>(
      sql`select count(*) as n from product_search where shop_id = ${shop.shop.id}`,
    );
    expect(fts!.n).toBeGreaterThanOrEqual(5);
    const audit = await db.read.get<{ n: number }>(
      sql`select count(*) as n from audit_log where shop_id = ${shop.shop.id} and action = 'catalog.import'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('reads the same sheet saved with a BOM and CRLF, a semicolon sheet with decimal commas, and Windows-1252', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const bom = await importProducts(shop, fixture('good-bom.csv'), { mode: 'dry-run' });
    expect(bom).toMatchObject({ created: 3, errors: 0, file: { encoding: 'utf-8' } });
    const semi = await importProducts(shop, fixture('good-semicolon.csv'), {
      mode: 'all-or-nothing',
    });
    expect(semi).toMatchObject({ created: 2, errors: 0, file: { delimiter: ';' } });
    expect(
      (await variantsOf(db, shop.shop.id)).map((v) => [v.sku, v.price_minor, v.made_to_order]),
    ).toEqual([
      ['MOL-S-20', 123450, 1],
      ['MOL-S-25', 145000, 1],
      ['SAL-1', 35000, 0],
    ]);
    const win = await importProducts(shop, fixture('good-windows-1252.csv'), {
      mode: 'all-or-nothing',
    });
    expect(win).toMatchObject({ created: 1, errors: 0, file: { encoding: 'windows-1252' } });
    const title = await db.read.get<{ title: string }>(
      sql`select title from product_texts where shop_id = ${shop.shop.id} and title like 'Molcajete peq%'`,
    );
    expect(title!.title).toBe('Molcajete pequeño');
  });

  it('reads GBK from Chinese Excel into a CNY shop', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db); // Bainiu: CNY, zh-CN
    const r = await importProducts(shop, fixture('good-gbk.csv'), { mode: 'all-or-nothing' });
    expect(r).toMatchObject({ created: 2, errors: 0, file: { encoding: 'gbk' } });
    const texts = await db.read.all<{ title: string }>(
      sql`select title from product_texts where shop_id = ${shop.shop.id} and locale = 'zh-CN' order by title`,
    );
    expect(texts.map((t) => t.title).sort()).toEqual(['临安手剥山核桃', '山核桃礼盒'].sort());
    expect((await variantsOf(db, shop.shop.id)).map((v) => [v.sku, v.price_minor])).toEqual([
      ['GIFT-1', 29800],
      ['HN-250', 8800],
      ['HN-500', 16800],
    ]);
  });
});

const MALFORMED: [
  file: string,
  expected: { row: number | null; column?: string | null; code: string }[],
][] = [
  ['missing-column.csv', [{ row: null, code: 'MISSING_COLUMN' }]],
  ['duplicate-column.csv', [{ row: null, column: 'Price', code: 'DUPLICATE_COLUMN' }]],
  ['extra-cells.csv', [{ row: 3, column: null, code: 'EXTRA_CELLS' }]],
  ['missing-cells.csv', [{ row: 3, column: null, code: 'MISSING_CELLS' }]],
  [
    'bad-numbers.csv',
    [
      { row: 2, column: 'stock', code: 'BAD_NUMBER' },
      { row: 3, column: 'weight_g', code: 'BAD_NUMBER' },
    ],
  ],
  [
    'bad-price.csv',
    [
      { row: 2, column: 'price', code: 'BAD_PRICE' },
      { row: 3, column: 'price', code: 'PRICE_DECIMALS' },
      { row: 4, column: 'price', code: 'BAD_PRICE' },
    ],
  ],
  ['negative-stock.csv', [{ row: 2, column: 'stock', code: 'NEGATIVE' }]],
  [
    'unknown-currency.csv',
    [
      { row: 2, column: 'currency', code: 'UNKNOWN_CURRENCY' },
      { row: 3, column: 'currency', code: 'WRONG_CURRENCY' },
    ],
  ],
  ['duplicate-sku.csv', [{ row: 3, column: 'sku', code: 'DUPLICATE_SKU' }]],
  [
    'formula-injection.csv',
    [
      { row: 2, column: 'title_es-MX', code: 'FORMULA' },
      { row: 3, column: 'title_es-MX', code: 'FORMULA' },
    ],
  ],
  ['scattered-rows.csv', [{ row: 4, column: 'product', code: 'ROWS_NOT_TOGETHER' }]],
  ['unclosed-quote.csv', [{ row: null, code: 'CSV_MALFORMED' }]],
  [
    'no-title.csv',
    [
      { row: 2, column: 'title_es-MX', code: 'REQUIRED' },
      { row: 2, column: null, code: 'NO_TITLE' },
    ],
  ],
  [
    'option-names-differ.csv',
    [
      { row: 3, code: 'OPTION_NAMES_DIFFER' },
      { row: 4, code: 'DUPLICATE_VARIANT' },
    ],
  ],
  ['needs-options.csv', [{ row: 3, code: 'NEEDS_OPTIONS' }]],
  [
    'bad-sku.csv',
    [
      { row: 2, column: 'sku', code: 'BAD_SKU' },
      { row: 3, column: 'sku', code: 'REQUIRED' },
    ],
  ],
  ['header-only.csv', [{ row: null, code: 'EMPTY_FILE' }]],
  ['empty.csv', [{ row: null, code: 'EMPTY_FILE' }]],
  ['binary.csv', [{ row: null, code: 'ENCODING_UNKNOWN' }]],
];

describe('importProducts: malformed sheets', () => {
  it.each(MALFORMED)(
    '%s: every problem by row and column, nothing written',
    async (file, expected) => {
      const db = await makeTestDb();
      const shop = await comonfortShop(db);
      const before = await catalogRowCounts(shop);
      const r = await importProducts(shop, fixture(`malformed/${file}`), {
        mode: 'all-or-nothing',
      });
      const errors = r.problems.filter((p) => p.severity === 'error');
      expect(
        errors.map((p) => ({
          row: p.row,
          code: p.code,
          ...('column' in (expected[0] ?? {}) ? { column: p.column } : {}),
        })),
      ).toEqual(
        expected.map((e) => ({
          row: e.row,
          code: e.code,
          ...('column' in (expected[0] ?? {}) ? { column: e.column } : {}),
        })),
      );
      expect(r.written).toBe(false);
      expect(await catalogRowCounts(shop)).toEqual(before);
      // Every problem reads as a sentence in the trainer's language, never a code.
      for (const p of r.problems) {
        const es = describeProblemWithPlace(p, 'es-MX');
        expect(es).not.toMatch(/[A-Z]{3,}_[A-Z]/);
        expect(es).not.toContain('{');
      }
    },
  );

  it('words problems in Chinese and Spanish', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const r = await importProducts(shop, fixture('malformed/negative-stock.csv'), {
      mode: 'dry-run',
    });
    expect(describeProblemWithPlace(r.problems[0]!, 'zh-CN')).toBe(
      '第 2 行，“stock”列：“-3”不能是负数。',
    );
    expect(describeProblemWithPlace(r.problems[0]!, 'es-MX')).toBe(
      'Fila 2, columna stock: "-3" no puede ser negativo.',
    );
  });

  it('refuses a file larger than the limit before parsing it', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const huge: ImportSource = {
      name: 'huge.csv',
      size: 200 * 1024 * 1024,
      open: () => {
        throw new Error('must not be read');
      },
    };
    const r = await importProducts(shop, huge, { mode: 'dry-run' });
    expect(r.problems).toEqual([
      { row: null, column: null, code: 'TOO_LARGE', severity: 'error', params: { max: 50 } },
    ]);
  });
});

/** A product's detail without what differs by construction (ids, times). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(
          ([k]) =>
            !['id', 'shopId', 'createdAt', 'updatedAt', 'optionValueIds', 'mediaId'].includes(k),
        )
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return value;
}

describe('importProducts: the same rows as the catalog writes', () => {
  it('imports a product exactly as createProduct makes it', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    await importProducts(shop, fixture('good-comma.csv'), { mode: 'all-or-nothing' });
    const page = await listProducts(shop, { includeUnpublished: true, limit: 10 });
    const imported = page.items.find((p) => p.slug === 'molcajete-de-piedra-volcanica')!;
    const other = await comonfortShop(db);
    const made = await createProduct(other, {
      texts: {
        'es-MX': {
          title: 'Molcajete de piedra volcánica',
          description: 'Tallado a mano, con tejolote',
        },
        en: { title: 'Basalt molcajete' },
      },
      options: [
        { name: { 'es-MX': 'Tamaño' }, values: [{ 'es-MX': '20 cm' }, { 'es-MX': '25 cm' }] },
        { name: { 'es-MX': 'Acabado' }, values: [{ 'es-MX': 'Natural' }, { 'es-MX': 'Curado' }] },
      ],
      variants: [
        {
          sku: 'MOL-20-N',
          priceMinor: 85000,
          stockOnHand: 3,
          weightGrams: 4200,
          processingDaysMin: 5,
          optionValues: [0, 0],
        },
        {
          sku: 'MOL-20-C',
          priceMinor: 95000,
          stockOnHand: 2,
          weightGrams: 4200,
          processingDaysMin: 5,
          optionValues: [0, 1],
        },
        {
          sku: 'MOL-25-N',
          priceMinor: 125000,
          stockOnHand: 1,
          weightGrams: 6100,
          processingDaysMin: 7,
          optionValues: [1, 0],
        },
      ],
    });
    const a = await getProduct(shop, imported.id, { includeUnpublished: true });
    const b = await getProduct(other, made.id, { includeUnpublished: true });
    expect(shape({ ...a, baseCurrency: 'x' })).toEqual(shape({ ...b, baseCurrency: 'x' }));
  });
});

describe('importProducts: modes, re-import and photos', () => {
  it('all-or-nothing writes nothing when one row is bad; good-rows writes the others', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const text = readFileSync(new URL('good-comma.csv', FIXTURES), 'utf8').replace(
      '120.50',
      'ciento veinte',
    );
    const source = bytesSource(Buffer.from(text), 'mixed.csv');
    const none = await importProducts(shop, source, { mode: 'all-or-nothing' });
    expect(none).toMatchObject({ written: false, created: 0 });
    expect(none.problems.filter((p) => p.severity === 'error')).toMatchObject([
      { row: 5, column: 'price', code: 'BAD_PRICE' },
    ]);
    expect((await catalogRowCounts(shop)).products).toBe(0);
    const some = await importProducts(shop, source, { mode: 'good-rows' });
    expect(some).toMatchObject({ written: true, created: 2, skipped: 1 });
    expect((await variantsOf(db, shop.shop.id)).map((v) => v.sku)).toEqual([
      'MET-40',
      'MOL-20-C',
      'MOL-20-N',
      'MOL-25-N',
    ]);
  });

  it('re-importing the same file updates by SKU instead of duplicating', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    await importProducts(shop, fixture('good-comma.csv'), { mode: 'all-or-nothing' });
    const counts = await catalogRowCounts(shop);
    const again = await importProducts(shop, fixture('good-comma.csv'), { mode: 'all-or-nothing' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, written: true });
    expect({ ...(await catalogRowCounts(shop)), audit_log: 0 }).toEqual({
      ...counts,
      audit_log: 0,
    });
    // A new price and one more size: the same products, updated.
    const text = readFileSync(new URL('good-comma.csv', FIXTURES), 'utf8')
      .replace('120.50', '135')
      .replace(
        'tejolote,TEJ-1',
        'molcajete,MOL-30-N,,,,Tamaño,30 cm,Acabado,Natural,1600,1,9000,9,no,\ntejolote,TEJ-1',
      );
    const changed = await importProducts(shop, bytesSource(Buffer.from(text)), {
      mode: 'all-or-nothing',
    });
    expect(changed).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const after = await catalogRowCounts(shop);
    expect(after.products).toBe(counts.products);
    expect(after.variants).toBe(counts.variants! + 1);
    expect((await variantsOf(db, shop.shop.id)).find((v) => v.sku === 'TEJ-1')!.price_minor).toBe(
      13500,
    );
  });

  it('matches photos from a zip, refuses a missing one, and refuses zip bombs', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const storage = memoryStorage();
    const photos = makeZip([
      { name: 'fotos/molcajete-1.jpg', data: await jpeg('#333333') },
      { name: 'fotos/Molcajete-2.JPG', data: await jpeg('#555555') },
      { name: 'fotos/molcajete-3.jpg', data: await jpeg('#777777'), store: true },
      { name: '__MACOSX/fotos/._molcajete-1.jpg', data: Buffer.from('junk') },
    ]);
    const r = await importProducts(shop, fixture('good-comma.csv'), {
      mode: 'all-or-nothing',
      photos: { bytes: photos },
      storage,
    });
    expect(r).toMatchObject({ created: 3, photos: 3, errors: 0 });
    const images = await db.read.all<{ position: number }>(
      sql`select position from product_images where shop_id = ${shop.shop.id} order by position`,
    );
    expect(images.map((i) => i.position)).toEqual([0, 1, 2]);
    // Re-import: the product already has its photos; none are added twice.
    const again = await importProducts(shop, fixture('good-comma.csv'), {
      mode: 'all-or-nothing',
      photos: { bytes: photos },
      storage,
    });
    expect(again).toMatchObject({ unchanged: 3, photos: 0 });

    const other = await comonfortShop(db);
    const missing = makeZip([{ name: 'molcajete-1.jpg', data: await jpeg('#333333') }]);
    const m = await importProducts(other, fixture('good-comma.csv'), {
      mode: 'dry-run',
      photos: { bytes: missing },
    });
    expect(m.problems.filter((p) => p.severity === 'error')).toMatchObject([
      { row: 2, column: 'photos', code: 'PHOTO_MISSING', params: { value: 'molcajete-2.jpg' } },
    ]);
    const bomb = makeZip([
      { name: 'molcajete-1.jpg', data: Buffer.alloc(3 * 1024 * 1024) },
      { name: 'big.jpg', data: Buffer.alloc(26 * 1024 * 1024, 1) },
    ]);
    expect(bomb.byteLength).toBeLessThan(100_000);
    const b = await importProducts(other, fixture('good-comma.csv'), {
      mode: 'dry-run',
      photos: { bytes: bomb },
    });
    expect(b.problems.filter((p) => p.code === 'ZIP_BOMB').map((p) => p.params?.value)).toEqual([
      'molcajete-1.jpg',
      'big.jpg',
    ]);
    const many = makeZip(
      Array.from({ length: 30 }, (_, i) => ({ name: `${i}.jpg`, data: Buffer.from('x') })),
    );
    const n = await importProducts(other, fixture('good-comma.csv'), {
      mode: 'dry-run',
      photos: { bytes: many },
      zipLimits: { maxEntries: 20 },
    });
    expect(n.problems[0]).toMatchObject({ code: 'ZIP_TOO_MANY_ENTRIES' });
    const junk = await importProducts(other, fixture('good-comma.csv'), {
      mode: 'dry-run',
      photos: { bytes: Buffer.from('not a zip') },
    });
    expect(junk.problems[0]).toMatchObject({ code: 'ZIP_INVALID' });
    expect((await catalogRowCounts(other)).products).toBe(0);
  });

  it('failed halfway (the file changed between the check and the write): nothing saved, photos removed', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const storage = memoryStorage();
    const good = readFileSync(new URL('good-comma.csv', FIXTURES));
    const bad = Buffer.from(good.toString('utf8').replace('1800,0,15000', 'mil,0,15000'));
    let opened = 0;
    const changing: ImportSource = {
      name: 'changing.csv',
      size: good.length,
      open: () => bytesSource(opened++ === 0 ? good : bad).open(),
    };
    const photos = makeZip(
      ['molcajete-1.jpg', 'molcajete-2.jpg', 'molcajete-3.jpg'].map((name) => ({
        name,
        data: Buffer.alloc(0),
      })),
    );
    const real = makeZip(
      await Promise.all(
        ['molcajete-1.jpg', 'molcajete-2.jpg', 'molcajete-3.jpg'].map(async (name) => ({
          name,
          data: await jpeg('#444'),
        })),
      ),
    );
    expect(photos.length).toBeGreaterThan(0);
    const r = await importProducts(shop, changing, {
      mode: 'all-or-nothing',
      photos: { bytes: real },
      storage,
    });
    expect(r.written).toBe(false);
    expect(r.problems.filter((p) => p.severity === 'error')).toMatchObject([
      { row: 6, column: 'price', code: 'BAD_PRICE' },
    ]);
    const counts = await catalogRowCounts(shop);
    expect(counts.products).toBe(0);
    expect(counts.product_images).toBe(0);
    const media = await db.read.get<{ n: number }>(
      sql`select count(*) as n from media_assets where shop_id = ${shop.shop.id}`,
    );
    expect(media!.n).toBe(0);
  });

  it('lets the shop team and its village trainer import, nobody else', async () => {
    const db = await makeTestDb();
    const shop = await comonfortShop(db);
    const trainer = await contextAs(shop, 'trainer');
    expect(
      (await importProducts(trainer, fixture('good-comma.csv'), { mode: 'all-or-nothing' }))
        .created,
    ).toBe(3);
    const stranger = await contextAs(shop, 'none');
    await expect(
      importProducts(stranger, fixture('good-comma.csv'), { mode: 'dry-run' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const otherVillage = await contextAs(await comonfortShop(db), 'trainer');
    // A trainer of another village has no role in this shop at all.
    const { shopContext } = await import('../../tenancy/shops.js');
    const outsider = await shopContext({ ...otherVillage }, shop.shop.id);
    await expect(
      importProducts(outsider, fixture('good-comma.csv'), { mode: 'dry-run' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await db.read.get<{ role: string }>(
      sql`select actor_role as role from audit_log where shop_id = ${shop.shop.id} and action = 'catalog.import'`,
    );
    expect(audit!.role).toBe('trainer');
  });
});
