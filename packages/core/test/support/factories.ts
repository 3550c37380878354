import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/database.js';
import {
  type Clock,
  type PlatformContext,
  platformContext,
  type ShopContext,
} from '../../src/tenancy/context.js';
import type { CreateShopInput, CreateVillageInput } from '../../src/tenancy/schemas.js';
import { createShop, shopContext } from '../../src/tenancy/shops.js';
import { createVillage } from '../../src/tenancy/villages.js';

/** A short random suffix so slugs never collide between tests sharing a database. */
export const uniq = () => randomBytes(4).toString('hex');

/** A clock that stands still until moved. */
export function fixedClock(start = new Date('2026-11-25T10:00:00Z')): Clock & {
  advance(ms: number): void;
} {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

export async function makeVillage(
  ctx: PlatformContext,
  overrides: Partial<CreateVillageInput> = {},
): Promise<{ id: string; slug: string }> {
  return createVillage(ctx, {
    slug: `village-${uniq()}`,
    country: 'CN',
    defaultLocale: 'zh-CN',
    defaultCurrency: 'CNY',
    texts: { 'zh-CN': { name: '白牛村', region: '浙江杭州临安' }, en: { name: 'Bainiu' } },
    ...overrides,
  });
}

/** A fresh shop (and its village) per test: the tenant under test. */
export async function makeShop(
  db: Database,
  overrides: Partial<CreateShopInput> = {},
  ctxOverrides: Partial<Omit<PlatformContext, 'db'>> = {},
): Promise<ShopContext> {
  const platform = platformContext(db, ctxOverrides);
  const villageId = overrides.villageId ?? (await makeVillage(platform)).id;
  const shop = await createShop(platform, {
    villageId,
    slug: `shop-${uniq()}`,
    baseCurrency: 'CNY',
    buyerCurrencies: ['USD', 'EUR', 'JPY'],
    defaultLocale: 'zh-CN',
    locales: ['en'],
    status: 'live',
    texts: { 'zh-CN': { name: '山核桃小店' }, en: { name: 'Hickory Nut Shop' } },
    ...overrides,
  });
  return shopContext(platform, shop.id);
}
