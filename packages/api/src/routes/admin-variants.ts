import {
  FixedPricesInput,
  loadPricer,
  previewPrices,
  SetVariantPriceInput,
  SetVariantStockInput,
  setVariantPrice,
  setVariantStock,
} from '@aldea/core';
import { createRoute, z } from '@hono/zod-openapi';
import { problems, TOKEN_BODY_READ, TOKEN_WRITE } from '../http/problem-schema.js';
import { tokenShop } from '../middleware/shop-access.js';
import { PricePreviewRow, Variant } from '../schemas/catalog.js';
import { toVariant } from '../schemas/catalog-json.js';
import { idPath, ShopPath } from '../schemas/common.js';
import { toPrice } from '../schemas/price.js';
import { json, jsonBody, needs, newRouter } from './route-kit.js';

const TAG = 'Shop catalog';
const VariantPath = ShopPath.merge(idPath('variant', 'var_01jd3k8w2x9m4q7rtv5bz6c8ha'));

const stockRoute = createRoute({
  method: 'put',
  path: '/admin/shops/{shop}/variants/{variant}/stock',
  operationId: 'setVariantStock',
  tags: [TAG],
  summary: 'Set how many of a variant are on hand (made to order: how many can be made)',
  security: needs('catalog:write'),
  middleware: [tokenShop('catalog:write')] as const,
  request: { params: VariantPath, body: jsonBody(SetVariantStockInput, 'SetVariantStockInput') },
  responses: { 200: json(Variant, 'The variant'), ...problems(TOKEN_WRITE) },
});

const priceRoute = createRoute({
  method: 'put',
  path: '/admin/shops/{shop}/variants/{variant}/price',
  operationId: 'setVariantPrice',
  tags: [TAG],
  summary: 'Set a variant’s base price and, optionally, its fixed prices per buyer currency',
  description:
    'Give `priceMinor` (integer minor units of the base currency) or `price` as typed (“850.50”). `fixedPrices`, when given, replaces them all (`{}` clears them). Audited.',
  security: needs('catalog:write'),
  middleware: [tokenShop('catalog:write')] as const,
  request: { params: VariantPath, body: jsonBody(SetVariantPriceInput, 'SetVariantPriceInput') },
  responses: { 200: json(Variant, 'The variant'), ...problems(TOKEN_WRITE) },
});

/** Input of the price preview: a base price and optional fixed prices. */
const PricePreviewInput = z
  .object({
    priceMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({
      description: 'Base price in minor units of the shop’s base currency.',
      example: 85000,
    }),
    fixedPrices: FixedPricesInput.optional(),
  })
  .openapi('PricePreviewInput');

const previewRoute = createRoute({
  method: 'post',
  path: '/admin/shops/{shop}/price-preview',
  operationId: 'previewPrices',
  tags: [TAG],
  summary: 'What buyers would pay for a base price in every currency the shop offers',
  description:
    'Changes nothing. The base currency comes first; each row says which rounding rule made it.',
  security: needs('catalog:read'),
  middleware: [tokenShop('catalog:read')] as const,
  request: { params: ShopPath, body: jsonBody(PricePreviewInput) },
  responses: {
    200: json(
      z.object({ items: z.array(PricePreviewRow) }).openapi('PricePreview'),
      'One row per currency',
    ),
    ...problems(TOKEN_BODY_READ),
  },
});

/** Stock, prices and the price preview, for tokens with the catalog scopes. */
export function adminVariantRoutes() {
  return newRouter()
    .openapi(stockRoute, async (c) => {
      const ctx = c.get('shop');
      const variant = await setVariantStock(ctx, c.req.valid('param').variant, c.req.valid('json'));
      return c.json(toVariant(variant, await loadPricer(ctx, ctx.shop.baseCurrency)), 200);
    })
    .openapi(priceRoute, async (c) => {
      const ctx = c.get('shop');
      const variant = await setVariantPrice(ctx, c.req.valid('param').variant, c.req.valid('json'));
      return c.json(toVariant(variant, await loadPricer(ctx, ctx.shop.baseCurrency)), 200);
    })
    .openapi(previewRoute, async (c) => {
      const { priceMinor, fixedPrices } = c.req.valid('json');
      const rows = await previewPrices(c.get('shop'), priceMinor, fixedPrices);
      return c.json(
        {
          items: rows.map((r) => ({
            currency: r.currency,
            price: toPrice(r.result, r.currency),
            rule: {
              rounding: r.rule.rounding,
              neverBelow: r.rule.neverBelow,
              marginBps: r.rule.marginBps,
              source: r.rule.source,
            },
            beforeRounding: r.beforeRounding ?? null,
          })),
        },
        200,
      );
    });
}
