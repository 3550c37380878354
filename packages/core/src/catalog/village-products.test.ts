import { beforeAll, describe, expect, it } from 'vitest';
import { makeProduct, makeProducts } from '../../test/support/catalog-factories.js';
import { makeShop, makeVillage } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { platformContext } from '../tenancy/context.js';
import { pauseProduct } from './change-product-status.js';
import { listVillageProducts, searchVillageProducts } from './village-products.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb({ countStatements: true });
});

async function twoVillages() {
  const platform = platformContext(db, { actor: { kind: 'buyer' }, locale: 'en' });
  const bainiu = await makeVillage(platform);
  const other = await makeVillage(platform);
  const live = await makeShop(db, { villageId: bainiu.id });
  const mx = await makeShop(db, {
    villageId: bainiu.id,
    baseCurrency: 'MXN',
    defaultLocale: 'es-MX',
    texts: { 'es-MX': { name: 'Taller Pérez' } },
  });
  const paused = await makeShop(db, { villageId: bainiu.id, status: 'paused' });
  const onboarding = await makeShop(db, { villageId: bainiu.id, status: 'onboarding' });
  const elsewhere = await makeShop(db, { villageId: other.id });
  return { platform, bainiu, live, mx, paused, onboarding, elsewhere };
}

describe('village products (platform reads across shops)', () => {
  it('lists active products of live shops only, newest first, each with its shop', async () => {
    const { platform, bainiu, live, mx, paused, onboarding, elsewhere } = await twoVillages();
    const a = await makeProduct(live);
    const b = await makeProduct(mx, { texts: { 'es-MX': { title: 'Molcajete' } } });
    const draft = await makeProduct(live, { status: 'draft' });
    await pauseProduct(live, (await makeProduct(live)).id);
    await makeProduct(paused);
    await makeProduct(onboarding);
    await makeProduct(elsewhere);
    const page = await listVillageProducts(platform, bainiu.id);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((p) => p.id)).toEqual([b.id, a.id]);
    expect(page.items.some((p) => p.id === draft.id)).toBe(false);
    expect(page.items[0]).toMatchObject({
      title: 'Molcajete',
      titleLocale: 'es-MX',
      baseCurrency: 'MXN',
      shop: { id: mx.shop.id, slug: mx.shop.slug, name: 'Taller Pérez', baseCurrency: 'MXN' },
    });
    expect(page.items[1]?.shop).toEqual({
      id: live.shop.id,
      slug: live.shop.slug,
      name: 'Hickory Nut Shop',
      baseCurrency: 'CNY',
    });
  });

  it('pages with a cursor in three statements a page', async () => {
    const { platform, bainiu, live, mx } = await twoVillages();
    await makeProducts(live, 15);
    await makeProducts(mx, 15, () => ({ texts: { 'es-MX': { title: 'Molcajete' } } }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const before = db.stats.statements;
      const page = await listVillageProducts(platform, bainiu.id, {
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      expect(db.stats.statements - before).toBe(3);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(30);
    await expect(
      listVillageProducts(platform, bainiu.id, { cursor: 'nope' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('searches the village: 山核桃 and molcajete, never outside it', async () => {
    const { platform, bainiu, live, mx, paused, elsewhere } = await twoVillages();
    const nuts = await makeProduct(live, { texts: { 'zh-CN': { title: '临安山核桃' } } });
    const mol = await makeProduct(mx, {
      texts: { 'es-MX': { title: 'Molcajete de piedra volcánica' } },
    });
    await makeProduct(paused, { texts: { 'zh-CN': { title: '山核桃仁' } } });
    await makeProduct(elsewhere, {
      texts: { 'zh-CN': { title: '山核桃' }, 'es-MX': { title: 'Molcajete' } },
    });
    const ids = async (q: string) =>
      (await searchVillageProducts(platform, bainiu.id, { q })).items.map((p) => p.id);
    expect(await ids('山核桃')).toEqual([nuts.id]);
    expect(await ids('molcajete')).toEqual([mol.id]);
    expect(await ids('volcanica')).toEqual([mol.id]);
    expect(await ids('核桃')).toEqual([nuts.id]);
    const [hit] = (await searchVillageProducts(platform, bainiu.id, { q: 'molcajete' })).items;
    expect(hit?.shop).toMatchObject({ id: mx.shop.id, name: 'Taller Pérez' });
  });

  it('an unknown village has no products', async () => {
    const platform = platformContext(db);
    expect(await listVillageProducts(platform, 'vil_missing')).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await searchVillageProducts(platform, 'vil_missing', { q: 'molcajete' })).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
