import { getShopView, getVillageBySlug, listVillageShops, listVillages } from '@aldea/core';
import { createRoute, z } from '@hono/zod-openapi';
import { PUBLIC_READ, problems } from '../http/problem-schema.js';
import { publicShop } from '../middleware/shop-access.js';
import { idPath, LocaleParam, ShopPath } from '../schemas/common.js';
import { Shop, toShop, toVillage, Village } from '../schemas/shops.js';
import { json, NOT_MODIFIED, newRouter } from './route-kit.js';

const TAG = 'Public catalog';
const Locale = z.object({ locale: LocaleParam });

const listVillagesRoute = createRoute({
  method: 'get',
  path: '/villages',
  operationId: 'listVillages',
  tags: [TAG],
  summary: 'Every village on the platform',
  request: { query: Locale },
  responses: {
    200: json(z.object({ items: z.array(Village) }).openapi('VillageList'), 'The villages'),
    ...NOT_MODIFIED,
    ...problems(PUBLIC_READ),
  },
});

const villageShopsRoute = createRoute({
  method: 'get',
  path: '/villages/{village}/shops',
  operationId: 'listVillageShops',
  tags: [TAG],
  summary: 'The live shops of a village (“the e-commerce village”)',
  request: { params: idPath('village', 'bainiu'), query: Locale },
  responses: {
    200: json(z.object({ items: z.array(Shop) }).openapi('ShopList'), 'The shops'),
    ...NOT_MODIFIED,
    ...problems(PUBLIC_READ),
  },
});

const shopRoute = createRoute({
  method: 'get',
  path: '/shops/{shop}',
  operationId: 'getShop',
  tags: [TAG],
  summary: 'A live shop: name, story, policies, currencies',
  middleware: [publicShop()] as const,
  request: { params: ShopPath, query: Locale },
  responses: { 200: json(Shop, 'The shop'), ...NOT_MODIFIED, ...problems(PUBLIC_READ) },
});

/** Villages and shops, for headless front ends. */
export function publicDirectoryRoutes() {
  return newRouter()
    .openapi(listVillagesRoute, async (c) => {
      const villages = await listVillages(c.get('platform'));
      return c.json({ items: villages.map(toVillage) }, 200);
    })
    .openapi(villageShopsRoute, async (c) => {
      const platform = c.get('platform');
      const village = await getVillageBySlug(platform, c.req.valid('param').village);
      const shops = await listVillageShops(platform, village.id);
      return c.json({ items: shops.map(toShop) }, 200);
    })
    .openapi(shopRoute, async (c) => c.json(toShop(await getShopView(c.get('shop'))), 200));
}
