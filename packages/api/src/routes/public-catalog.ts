import {
  getProduct,
  getProductBySlug,
  listProducts,
  loadPricer,
  type ShopContext,
  searchProducts,
} from '@aldea/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiEnv } from '../env.js';
import { PUBLIC_READ, problems } from '../http/problem-schema.js';
import { publicShop } from '../middleware/shop-access.js';
import { Product, ProductPage } from '../schemas/catalog.js';
import { type CatalogJsonContext, toProduct, toProductSummary } from '../schemas/catalog-json.js';
import { CurrencyParam, idPath, LocaleParam, PageQuery, ShopPath } from '../schemas/common.js';
import { json, mediaUrlOf, NOT_MODIFIED, newRouter } from './route-kit.js';

const TAG = 'Public catalog';

/** Prices in the requested currency (or the shop's base), photos from the media base URL. */
export async function catalogJson(
  c: Context<ApiEnv>,
  ctx: ShopContext,
  currency: string | undefined,
): Promise<CatalogJsonContext> {
  return {
    pricer: await loadPricer(ctx, currency ?? ctx.shop.baseCurrency),
    mediaUrl: mediaUrlOf(c),
  };
}

/** `prod_…` is an id; anything else a slug. */
export function readProduct(ctx: ShopContext, key: string, includeUnpublished = false) {
  const opts = { includeUnpublished };
  return key.startsWith('prod_') ? getProduct(ctx, key, opts) : getProductBySlug(ctx, key, opts);
}

const listRoute = createRoute({
  method: 'get',
  path: '/shops/{shop}/products',
  operationId: 'listShopProducts',
  tags: [TAG],
  summary: 'A page of a shop’s products, newest first, or the matches of a search',
  description:
    'Keyset pagination: follow `nextCursor` until it is `null` to visit every product that existed when you started exactly once. Prices are in `currency`; a price that cannot be given says why (`available: false`), never 0.',
  middleware: [publicShop()] as const,
  request: {
    params: ShopPath,
    query: z.object({
      currency: CurrencyParam,
      locale: LocaleParam,
      q: z
        .string()
        .max(200)
        .optional()
        .openapi({
          param: { name: 'q', in: 'query' },
          description: 'Search words, in any language the seller wrote (山核桃, molcajete…).',
        }),
      ...PageQuery,
    }),
  },
  responses: {
    200: json(ProductPage, 'A page of products'),
    ...NOT_MODIFIED,
    ...problems(PUBLIC_READ),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/shops/{shop}/products/{product}',
  operationId: 'getShopProduct',
  tags: [TAG],
  summary: 'A product in full, by id (`prod_…`) or slug',
  middleware: [publicShop()] as const,
  request: {
    params: ShopPath.merge(idPath('product', 'molcajete-de-piedra')),
    query: z.object({ currency: CurrencyParam, locale: LocaleParam }),
  },
  responses: { 200: json(Product, 'The product'), ...NOT_MODIFIED, ...problems(PUBLIC_READ) },
});

/** Products of a live shop with prices in the buyer's currency. */
export function publicCatalogRoutes() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const ctx = c.get('shop');
      const { currency, q, limit, cursor } = c.req.valid('query');
      const page = q
        ? await searchProducts(ctx, { q, limit, cursor })
        : await listProducts(ctx, { limit, cursor });
      const o = await catalogJson(c, ctx, currency);
      return c.json(
        { items: page.items.map((p) => toProductSummary(p, o)), nextCursor: page.nextCursor },
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const ctx = c.get('shop');
      const product = await readProduct(ctx, c.req.valid('param').product);
      return c.json(
        toProduct(product, await catalogJson(c, ctx, c.req.valid('query').currency)),
        200,
      );
    });
}
