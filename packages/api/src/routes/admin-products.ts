import {
  archiveProduct,
  CreateProductInput,
  createProduct,
  listProducts,
  pauseProduct,
  publishProduct,
  type ShopContext,
  UpdateProductInput,
  updateProduct,
} from '@aldea/core';
import { createRoute, z } from '@hono/zod-openapi';
import { problems, TOKEN_READ, TOKEN_WRITE } from '../http/problem-schema.js';
import { tokenShop } from '../middleware/shop-access.js';
import { Product, ProductPage, ProductStatus } from '../schemas/catalog.js';
import { toProduct, toProductSummary } from '../schemas/catalog-json.js';
import { CurrencyParam, idPath, LocaleParam, PageQuery, ShopPath } from '../schemas/common.js';
import { catalogJson, readProduct } from './public-catalog.js';
import { json, jsonBody, NOT_MODIFIED, needs, newRouter } from './route-kit.js';

const TAG = 'Shop catalog';
const BASE = '/admin/shops/{shop}/products';
const ProductPath = ShopPath.merge(idPath('product', 'prod_01jd3k8w2x9m4q7rtv5bz6c8ha'));

const listRoute = createRoute({
  method: 'get',
  path: BASE,
  operationId: 'listProducts',
  tags: [TAG],
  summary: 'A page of the shop’s products (drafts, paused and archived too), newest first',
  security: needs('catalog:read'),
  middleware: [tokenShop('catalog:read')] as const,
  request: {
    params: ShopPath,
    query: z.object({
      status: ProductStatus.optional().openapi({ param: { name: 'status', in: 'query' } }),
      currency: CurrencyParam,
      locale: LocaleParam,
      ...PageQuery,
    }),
  },
  responses: {
    200: json(ProductPage, 'A page of products'),
    ...NOT_MODIFIED,
    ...problems(TOKEN_READ),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: `${BASE}/{product}`,
  operationId: 'getProduct',
  tags: [TAG],
  summary: 'A product in full (any status, every language’s texts), by id or slug',
  security: needs('catalog:read'),
  middleware: [tokenShop('catalog:read')] as const,
  request: {
    params: ProductPath,
    query: z.object({ currency: CurrencyParam, locale: LocaleParam }),
  },
  responses: { 200: json(Product, 'The product'), ...NOT_MODIFIED, ...problems(TOKEN_READ) },
});

const createProductRoute = createRoute({
  method: 'post',
  path: BASE,
  operationId: 'createProduct',
  tags: [TAG],
  summary: 'Create a product with its texts, options, variants and prices',
  description:
    'Each variant takes `priceMinor` (integer minor units of the shop’s base currency) or `price` as the seller types it (“850.50”). The slug defaults from a title.',
  security: needs('catalog:write'),
  middleware: [tokenShop('catalog:write')] as const,
  request: { params: ShopPath, body: jsonBody(CreateProductInput, 'CreateProductInput') },
  responses: { 201: json(Product, 'The new product'), ...problems(TOKEN_WRITE) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: `${BASE}/{product}`,
  operationId: 'updateProduct',
  tags: [TAG],
  summary: 'Change a product: texts per language, options, variants, collections',
  description:
    'Texts are upserted per language (`null` removes one). Variants are matched by `id`, else by SKU, and replaced whole; `removeVariantIds` removes some.',
  security: needs('catalog:write'),
  middleware: [tokenShop('catalog:write')] as const,
  request: { params: ProductPath, body: jsonBody(UpdateProductInput, 'UpdateProductInput') },
  responses: { 200: json(Product, 'The product as changed'), ...problems(TOKEN_WRITE) },
});

function statusRoute<const A extends 'publish' | 'pause' | 'archive'>(action: A, summary: string) {
  return createRoute({
    method: 'post',
    path: `${BASE}/{product}/${action}` as `${typeof BASE}/{product}/${A}`,
    operationId: `${action}Product`,
    tags: [TAG],
    summary,
    security: needs('catalog:write'),
    middleware: [tokenShop('catalog:write')] as const,
    request: { params: ProductPath },
    responses: { 200: json(Product, 'The product with its new status'), ...problems(TOKEN_WRITE) },
  });
}

const publishRoute = statusRoute('publish', 'Publish a product: buyers see it');
const pauseRoute = statusRoute('pause', 'Hide an active product for now');
const archiveRoute = statusRoute('archive', 'Retire a product for good (kept for past orders)');

const COMMANDS = { publish: publishProduct, pause: pauseProduct, archive: archiveProduct };

async function productJson(
  c: Parameters<typeof catalogJson>[0],
  ctx: ShopContext,
  id: string,
  run: (ctx: ShopContext, id: string) => Promise<Parameters<typeof toProduct>[0]>,
) {
  const product = await run(ctx, id);
  return toProduct(product, await catalogJson(c, ctx, undefined));
}

/** The shop's products, for tokens with `catalog:read` / `catalog:write`. */
export function adminProductRoutes() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const ctx = c.get('shop');
      const { status, currency, limit, cursor } = c.req.valid('query');
      const page = await listProducts(ctx, {
        includeUnpublished: true,
        ...(status ? { status } : {}),
        limit,
        cursor,
      });
      const o = await catalogJson(c, ctx, currency);
      return c.json(
        { items: page.items.map((p) => toProductSummary(p, o)), nextCursor: page.nextCursor },
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const ctx = c.get('shop');
      const product = await readProduct(ctx, c.req.valid('param').product, true);
      return c.json(
        toProduct(product, await catalogJson(c, ctx, c.req.valid('query').currency)),
        200,
      );
    })
    .openapi(createProductRoute, async (c) => {
      const ctx = c.get('shop');
      const product = await createProduct(ctx, c.req.valid('json'));
      return c.json(toProduct(product, await catalogJson(c, ctx, undefined)), 201);
    })
    .openapi(updateRoute, async (c) => {
      const body = c.req.valid('json');
      const json = await productJson(c, c.get('shop'), c.req.valid('param').product, (ctx, id) =>
        updateProduct(ctx, id, body),
      );
      return c.json(json, 200);
    })
    .openapi(publishRoute, async (c) =>
      c.json(
        await productJson(c, c.get('shop'), c.req.valid('param').product, COMMANDS.publish),
        200,
      ),
    )
    .openapi(pauseRoute, async (c) =>
      c.json(
        await productJson(c, c.get('shop'), c.req.valid('param').product, COMMANDS.pause),
        200,
      ),
    )
    .openapi(archiveRoute, async (c) =>
      c.json(
        await productJson(c, c.get('shop'), c.req.valid('param').product, COMMANDS.archive),
        200,
      ),
    );
}
