import {
  getPricingSettings,
  type PricingSettingsView,
  SetFxMarginInput,
  SetRoundingRuleInput,
  setFxMargin,
  setRoundingRule,
} from '@aldea/core';
import { createRoute, z } from '@hono/zod-openapi';
import { problems, TOKEN_READ, TOKEN_WRITE } from '../http/problem-schema.js';
import { tokenShop } from '../middleware/shop-access.js';
import { Currency, ShopPath } from '../schemas/common.js';
import { json, jsonBody, NOT_MODIFIED, needs, newRouter } from './route-kit.js';

const TAG = 'Shop settings';
const BASE = '/admin/shops/{shop}/pricing';

const PricingSettings = z
  .object({
    marginBps: z
      .number()
      .int()
      .openapi({ description: 'FX margin on converted prices (250 = 2.5 %).' }),
    rules: z.array(
      z.object({
        currency: Currency,
        rounding: z.string().openapi({ example: 'end-99' }),
        neverBelow: z.boolean(),
        marginBps: z.number().int(),
        source: z.enum(['shop', 'default']),
      }),
    ),
  })
  .openapi('PricingSettings');

function toPricingSettings(p: PricingSettingsView): z.infer<typeof PricingSettings> {
  return {
    marginBps: p.marginBps,
    rules: p.rules.map((r) => ({
      currency: r.currency,
      rounding: r.rounding,
      neverBelow: r.neverBelow,
      marginBps: r.marginBps,
      source: r.source,
    })),
  };
}

const getRoute = createRoute({
  method: 'get',
  path: BASE,
  operationId: 'getPricingSettings',
  tags: [TAG],
  summary: 'The FX margin and the rounding rule in force for every converted currency',
  security: needs('settings:read'),
  middleware: [tokenShop('settings:read')] as const,
  request: { params: ShopPath },
  responses: {
    200: json(PricingSettings, 'The pricing settings'),
    ...NOT_MODIFIED,
    ...problems(TOKEN_READ),
  },
});

const roundingRoute = createRoute({
  method: 'put',
  path: `${BASE}/rounding`,
  operationId: 'setRoundingRule',
  tags: [TAG],
  summary: 'Set how converted prices in one currency are rounded (audited)',
  description:
    'A rule that does not fit the currency (`end-99` for JPY) is refused (422) and nothing changes.',
  security: needs('settings:write'),
  middleware: [tokenShop('settings:write')] as const,
  request: { params: ShopPath, body: jsonBody(SetRoundingRuleInput, 'SetRoundingRuleInput') },
  responses: {
    200: json(PricingSettings, 'The pricing settings as changed'),
    ...problems(TOKEN_WRITE),
  },
});

const marginRoute = createRoute({
  method: 'put',
  path: `${BASE}/margin`,
  operationId: 'setFxMargin',
  tags: [TAG],
  summary:
    'Set the FX margin added to converted prices: `marginBps`, or `percent` as text (audited)',
  security: needs('settings:write'),
  middleware: [tokenShop('settings:write')] as const,
  request: { params: ShopPath, body: jsonBody(SetFxMarginInput, 'SetFxMarginInput') },
  responses: {
    200: json(PricingSettings, 'The pricing settings as changed'),
    ...problems(TOKEN_WRITE),
  },
});

/** Rounding rules and FX margin, for tokens with the settings scopes. */
export function adminPricingRoutes() {
  return newRouter()
    .openapi(getRoute, async (c) =>
      c.json(toPricingSettings(await getPricingSettings(c.get('shop'))), 200),
    )
    .openapi(roundingRoute, async (c) => {
      const ctx = c.get('shop');
      await setRoundingRule(ctx, c.req.valid('json'));
      return c.json(toPricingSettings(await getPricingSettings(ctx)), 200);
    })
    .openapi(marginRoute, async (c) => {
      const ctx = c.get('shop');
      // The schema's output is the margin in basis points, whichever form was sent.
      await setFxMargin(ctx, { marginBps: c.req.valid('json') });
      return c.json(toPricingSettings(await getPricingSettings(ctx)), 200);
    });
}
