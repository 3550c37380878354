import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProduct, makeProducts } from '../../test/support/catalog-factories.js';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { products } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { pauseProduct } from './change-product-status.js';
import { createProduct } from './create-product.js';
import { type SearchProductsInput, searchProducts } from './search-products.js';
import { updateProduct } from './update-product.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb({ countStatements: true });
});

const v = (sku: string, stockOnHand = 1, madeToOrder = false) => ({
  sku,
  priceMinor: 8800,
  stockOnHand,
  weightGrams: 500,
  madeToOrder,
});

async function bainiu() {
  const ctx = await makeShop(db);
  const nuts = await createProduct(ctx, {
    status: 'active',
    texts: {
      'zh-CN': { title: '临安山核桃 手剥 500克', description: '白牛村农家自产' },
      en: { title: 'Lin’an hickory nuts, hand-cracked, 500 g' },
    },
    variants: [v('NUT-500')],
  });
  const box = await createProduct(ctx, {
    status: 'active',
    texts: { 'zh-CN': { title: '坚果礼盒', description: '内含山核桃仁和碧根果' } },
    variants: [v('BOX-1', 0)],
  });
  return { ctx, nuts, box };
}

async function comonfort() {
  const ctx = await makeShop(db, {
    baseCurrency: 'MXN',
    defaultLocale: 'es-MX',
    texts: { 'es-MX': { name: 'Taller' } },
  });
  const molcajete = await createProduct(ctx, {
    status: 'active',
    texts: {
      'es-MX': {
        title: 'Molcajete de piedra volcánica',
        description: 'Tallado a mano en Comonfort, con su tejolote.',
        materials: 'Basalto',
      },
      en: { title: 'Volcanic stone mortar' },
    },
    variants: [v('MOL-1', 0, true)],
  });
  const tejolote = await createProduct(ctx, {
    status: 'active',
    texts: { 'es-MX': { title: 'Tejolote suelto', description: 'Mano de piedra para molcajete' } },
    variants: [v('TEJ-1', 3)],
  });
  return { ctx, molcajete, tejolote };
}

const ids = async (ctx: ShopContext, input: SearchProductsInput) =>
  (await searchProducts(ctx, input)).items.map((p) => p.id);

describe('searchProducts', () => {
  it('finds 山核桃 inside a Chinese title and description', async () => {
    const { ctx, nuts, box } = await bainiu();
    expect(await ids(ctx, { q: '山核桃' })).toEqual([nuts.id, box.id]); // title match first
    expect(await ids(ctx, { q: '农家自产' })).toEqual([nuts.id]);
  });

  it('finds molcajete, tejolote and piedra volcánica, accents or not, any case', async () => {
    const { ctx, molcajete, tejolote } = await comonfort();
    expect(await ids(ctx, { q: 'molcajete' })).toEqual([molcajete.id, tejolote.id]);
    expect(await ids(ctx, { q: 'tejolote' })).toEqual([tejolote.id, molcajete.id]);
    expect(await ids(ctx, { q: 'piedra volcánica' })).toEqual([molcajete.id]);
    expect(await ids(ctx, { q: 'PIEDRA VOLCANICA' })).toEqual([molcajete.id]);
    expect(await ids(ctx, { q: 'basalto' })).toEqual([molcajete.id]);
    expect(await ids(ctx, { q: 'mortar' })).toEqual([molcajete.id]);
    expect(await ids(ctx, { q: 'molcajete granito' })).toEqual([]);
  });

  it('falls back to LIKE for terms shorter than 3 characters', async () => {
    const { ctx, nuts, box } = await bainiu();
    expect(await ids(ctx, { q: '核桃' })).toEqual([nuts.id, box.id]);
    expect(await ids(ctx, { q: '礼盒' })).toEqual([box.id]);
    const es = await comonfort();
    expect(await ids(es.ctx, { q: 'mo' })).toEqual([es.molcajete.id, es.tejolote.id]);
    expect(await ids(es.ctx, { q: '%' })).toEqual([]);
    expect(await ids(es.ctx, { q: '_' })).toEqual([]);
  });

  it('treats FTS syntax as text and blank queries as nothing', async () => {
    const { ctx } = await comonfort();
    for (const q of ['"', 'molcajete"', 'OR AND NOT', '*', 'NEAR(mol caj)', "' or 1=1 --"]) {
      await expect(searchProducts(ctx, { q })).resolves.toBeDefined();
    }
    expect(await searchProducts(ctx, { q: '   ' })).toEqual({ items: [], nextCursor: null });
    await expect(searchProducts(ctx, { q: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('shows buyers active products only, and never another shop’s', async () => {
    const a = await comonfort();
    const b = await comonfort();
    await pauseProduct(a.ctx, a.tejolote.id);
    expect(await ids(a.ctx, { q: 'molcajete' })).toEqual([a.molcajete.id]);
    expect(await ids(a.ctx, { q: 'molcajete', includeUnpublished: true })).toEqual([
      a.molcajete.id,
      a.tejolote.id,
    ]);
    expect(await ids(b.ctx, { q: 'molcajete' })).toEqual([b.molcajete.id, b.tejolote.id]);
  });

  it('filters by stock and made to order', async () => {
    const { ctx, molcajete, tejolote } = await comonfort();
    expect(await ids(ctx, { q: 'molcajete', inStock: true })).toEqual([tejolote.id]);
    expect(await ids(ctx, { q: 'molcajete', madeToOrder: true })).toEqual([molcajete.id]);
  });

  it('keeps the index in step with edits and deletions', async () => {
    const { ctx, molcajete } = await comonfort();
    await updateProduct(ctx, molcajete.id, {
      texts: { 'es-MX': { title: 'Mortero de basalto' }, en: null },
    });
    expect(await ids(ctx, { q: 'volcánica' })).toEqual([]);
    expect(await ids(ctx, { q: 'mortar' })).toEqual([]);
    expect(await ids(ctx, { q: 'mortero' })).toEqual([molcajete.id]);
    const count = async () =>
      (
        await db.read.get<{ n: number }>(
          sql`select count(*) as n from product_search where product_id = ${molcajete.id}`,
        )
      )?.n;
    expect(await count()).toBe(1);
    // Deleting the product cascades to its texts, and the triggers clean the index.
    await db.transaction((tx) => tx.delete(products).where(sql`${products.id} = ${molcajete.id}`));
    expect(await count()).toBe(0);
    const keys = await db.read.get<{ n: number }>(
      sql`select count(*) as n from product_search_keys where product_id = ${molcajete.id}`,
    );
    expect(keys?.n).toBe(0);
  });

  it('pages through many hits with a cursor: title matches first, each hit once', async () => {
    const clock = fixedClock();
    const ctx = await makeShop(db, {}, { clock });
    const made = await makeProducts(ctx, 60, (i) => {
      clock.advance(i % 2);
      const inTitle = i % 3 === 0;
      return {
        texts: inTitle
          ? { en: { title: `Hickory gift ${i}` } }
          : { en: { title: `Gift ${i}`, description: 'With hickory nuts' } },
        variants: [v(`S${i}`)],
      };
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchProducts(ctx, {
        q: 'hickory',
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(60);
    expect(seen).toHaveLength(60);
    const titleHits = made.filter((_, i) => i % 3 === 0).map((p) => p.id);
    expect(new Set(seen.slice(0, titleHits.length))).toEqual(new Set(titleHits));
    await expect(searchProducts(ctx, { q: 'hickory', cursor: 'bogus' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('runs three statements per page', async () => {
    const { ctx } = await comonfort();
    await makeProduct(ctx, { texts: { 'es-MX': { title: 'Otro molcajete' } } });
    const before = db.stats.statements;
    const page = await searchProducts(ctx, { q: 'molcajete' });
    expect(page.items).toHaveLength(3);
    expect(db.stats.statements - before).toBe(3);
  });
});
