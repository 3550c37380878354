import { describe, expect, it } from 'vitest';
import { makeShop, makeVillage, uniq } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import { platformContext } from './context.js';
import { createShop, getShopView, listVillageShops, shopContext } from './shops.js';

describe('shops', () => {
  it('creates a shop whose buyer currencies include its base currency', async () => {
    const db = await makeTestDb();
    const ctx = await makeShop(db, { baseCurrency: 'MXN', buyerCurrencies: ['USD'] });
    expect(ctx.shop.baseCurrency).toBe('MXN');
    expect(ctx.shop.buyerCurrencies).toEqual(['MXN', 'USD']);
  });

  it('resolves texts with the fallback chain and says which locale was used', async () => {
    const db = await makeTestDb();
    const ctx = await makeShop(db, {}, { locale: 'es-MX' });
    const view = await getShopView(ctx);
    expect(view.name).toBe('山核桃小店');
    expect(view.textLocale).toBe('zh-CN');
    const en = await getShopView({ ...ctx, locale: 'en' });
    expect(en.name).toBe('Hickory Nut Shop');
  });

  it('refuses a duplicate slug with a CONFLICT naming the field, and writes nothing', async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const platform = platformContext(db);
    const err = await createShop(platform, {
      villageId: a.shop.villageId,
      slug: a.shop.slug,
      baseCurrency: 'CNY',
      defaultLocale: 'zh-CN',
      texts: { en: { name: 'Copy' } },
    }).catch((e: unknown) => e);
    expect(isAldeaError(err, 'CONFLICT')).toBe(true);
    expect((err as { issues: { path: string }[] }).issues[0]?.path).toBe('slug');
    const shops = await listVillageShops(platform, a.shop.villageId, { includeAll: true });
    expect(shops).toHaveLength(1);
  });

  it.each([
    [{ baseCurrency: 'XYZ' }, 'baseCurrency'],
    [{ slug: 'Not A Slug!' }, 'slug'],
    [{ texts: {} }, 'texts'],
    [{ customDomain: 'not a domain' }, 'customDomain'],
  ])('rejects bad input %j naming the field', async (bad, field) => {
    const db = await makeTestDb();
    const platform = platformContext(db);
    const village = await makeVillage(platform);
    const err = await createShop(platform, {
      villageId: village.id,
      slug: `shop-${uniq()}`,
      baseCurrency: 'CNY',
      defaultLocale: 'zh-CN',
      texts: { en: { name: 'A shop' } },
      ...bad,
    }).catch((e: unknown) => e);
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect((err as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(field);
    expect(await listVillageShops(platform, village.id, { includeAll: true })).toHaveLength(0);
  });

  it('gives NOT_FOUND for an unknown shop', async () => {
    const db = await makeTestDb();
    const err = await shopContext(platformContext(db), 'shop_nope').catch((e: unknown) => e);
    expect(isAldeaError(err, 'NOT_FOUND')).toBe(true);
  });
});

describe('shopContext roles', () => {
  it('resolves owner, staff, trainer, operator and none for signed-in users', async () => {
    const { createUser, addMembership, assignTrainer } = await import('./users.js');
    const db = await makeTestDb();
    const system = await makeShop(db);
    expect(system.role).toBe('system');
    const platform = platformContext(db);
    const cost = { logN: 10, r: 8, p: 1 };
    const mk = async (name: string, isOperator = false) =>
      (
        await createUser(
          platform,
          { name, email: `${name}-${uniq()}@example.com`, isOperator },
          {
            passwordCost: cost,
          },
        )
      ).id;
    const owner = await mk('owner');
    const staff = await mk('staff');
    const trainer = await mk('trainer');
    const operator = await mk('operator', true);
    const stranger = await mk('stranger');
    await addMembership(system, owner, 'owner');
    await addMembership(system, staff, 'staff');
    await assignTrainer(platform, system.shop.villageId, trainer);
    const roleOf = async (userId: string) =>
      (await shopContext(platformContext(db, { actor: { kind: 'user', userId } }), system.shop.id))
        .role;
    expect(await roleOf(owner)).toBe('owner');
    expect(await roleOf(staff)).toBe('staff');
    expect(await roleOf(trainer)).toBe('trainer');
    expect(await roleOf(operator)).toBe('operator');
    expect(await roleOf(stranger)).toBe('none');
    const buyer = await shopContext(
      platformContext(db, { actor: { kind: 'buyer' } }),
      system.shop.id,
    );
    expect(buyer.role).toBe('buyer');
  });
});
