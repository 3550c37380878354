import {
  BuyerCurrenciesInput,
  CustomDomainInput,
  getShopSettings,
  type ShopContext,
  ShopLanguagesInput,
  ShopProfileInput,
  ShopStatusInput,
  setBuyerCurrencies,
  setCustomDomain,
  setShopLanguages,
  setShopStatus,
  updateShopProfile,
} from '@aldea/core';
import { createRoute, type z } from '@hono/zod-openapi';
import { problems, TOKEN_READ, TOKEN_WRITE } from '../http/problem-schema.js';
import { tokenShop } from '../middleware/shop-access.js';
import { ShopPath } from '../schemas/common.js';
import { ShopSettings, toShopSettings } from '../schemas/shops.js';
import { json, jsonBody, NOT_MODIFIED, needs, newRouter } from './route-kit.js';

const TAG = 'Shop settings';
const BASE = '/admin/shops/{shop}/settings';

const getRoute = createRoute({
  method: 'get',
  path: BASE,
  operationId: 'getShopSettings',
  tags: [TAG],
  summary: 'The shop’s settings: status, currencies, languages, domain, texts per language',
  security: needs('settings:read'),
  middleware: [tokenShop('settings:read')] as const,
  request: { params: ShopPath },
  responses: { 200: json(ShopSettings, 'The settings'), ...NOT_MODIFIED, ...problems(TOKEN_READ) },
});

function putRoute<const N extends string, B extends z.ZodType>(
  name: N,
  operationId: string,
  summary: string,
  body: B,
  bodyName: string,
) {
  return createRoute({
    method: 'put',
    path: `${BASE}/${name}` as `${typeof BASE}/${N}`,
    operationId,
    tags: [TAG],
    summary,
    security: needs('settings:write'),
    middleware: [tokenShop('settings:write')] as const,
    request: { params: ShopPath, body: jsonBody(body, bodyName) },
    responses: { 200: json(ShopSettings, 'The settings as changed'), ...problems(TOKEN_WRITE) },
  });
}

const profileRoute = putRoute(
  'profile',
  'updateShopProfile',
  'Write the shop’s name, tagline, story and policies in one of its languages',
  ShopProfileInput,
  'ShopProfileInput',
);
const languagesRoute = putRoute(
  'languages',
  'setShopLanguages',
  'Set the languages the shop writes in (the default needs a name first)',
  ShopLanguagesInput,
  'ShopLanguagesInput',
);
const currenciesRoute = putRoute(
  'currencies',
  'setBuyerCurrencies',
  'Set the currencies buyers may pay in (the base currency is always kept; audited)',
  BuyerCurrenciesInput,
  'BuyerCurrenciesInput',
);
const statusRoute = putRoute(
  'status',
  'setShopStatus',
  'Open the shop to buyers (`live`) or pause it',
  ShopStatusInput,
  'ShopStatusInput',
);
const domainRoute = putRoute(
  'domain',
  'setCustomDomain',
  'Set the shop’s own domain, or `null` to remove it',
  CustomDomainInput,
  'CustomDomainInput',
);

async function settingsAfter(ctx: ShopContext, run: Promise<unknown>) {
  await run;
  return toShopSettings(await getShopSettings(ctx));
}

/** Shop settings, for tokens with `settings:read` / `settings:write`. */
export function adminSettingsRoutes() {
  return newRouter()
    .openapi(getRoute, async (c) =>
      c.json(toShopSettings(await getShopSettings(c.get('shop'))), 200),
    )
    .openapi(profileRoute, async (c) => {
      const ctx = c.get('shop');
      return c.json(await settingsAfter(ctx, updateShopProfile(ctx, c.req.valid('json'))), 200);
    })
    .openapi(languagesRoute, async (c) => {
      const ctx = c.get('shop');
      return c.json(await settingsAfter(ctx, setShopLanguages(ctx, c.req.valid('json'))), 200);
    })
    .openapi(currenciesRoute, async (c) => {
      const ctx = c.get('shop');
      return c.json(await settingsAfter(ctx, setBuyerCurrencies(ctx, c.req.valid('json'))), 200);
    })
    .openapi(statusRoute, async (c) => {
      const ctx = c.get('shop');
      return c.json(await settingsAfter(ctx, setShopStatus(ctx, c.req.valid('json'))), 200);
    })
    .openapi(domainRoute, async (c) => {
      const ctx = c.get('shop');
      return c.json(await settingsAfter(ctx, setCustomDomain(ctx, c.req.valid('json'))), 200);
    });
}
