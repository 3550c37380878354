import { importEcbRates, listLatestRates, SetManualRateInput, setManualRate } from '@aldea/core';
import { createRoute, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { problems, TOKEN_READ, TOKEN_WRITE } from '../http/problem-schema.js';
import { platformToken } from '../middleware/shop-access.js';
import { EcbImportResult, FxRate, toFxRate } from '../schemas/fx.js';
import { json, jsonBody, NOT_MODIFIED, needs, newRouter } from './route-kit.js';

const TAG = 'FX';

const listRoute = createRoute({
  method: 'get',
  path: '/fx/rates',
  operationId: 'listFxRates',
  tags: [TAG],
  summary: 'The newest platform rate of every currency pair, with its freshness',
  security: needs('fx:write'),
  middleware: [platformToken('fx:write')] as const,
  responses: {
    200: json(z.object({ items: z.array(FxRate) }).openapi('FxRateList'), 'The latest rates'),
    ...NOT_MODIFIED,
    ...problems(TOKEN_READ),
  },
});

const setRoute = createRoute({
  method: 'post',
  path: '/fx/rates',
  operationId: 'setFxRate',
  tags: [TAG],
  summary: 'Store a manual rate (1 base = rate quote) as of now; history is kept (audited)',
  description:
    'The rate is exact decimal text ("19.85"); numbers are refused so no float sneaks in. With `shopId`, the rate is that shop’s own.',
  security: needs('fx:write'),
  middleware: [platformToken('fx:write')] as const,
  request: { body: jsonBody(SetManualRateInput, 'SetManualRateInput') },
  responses: { 201: json(FxRate, 'The stored rate'), ...problems(TOKEN_WRITE) },
});

const XML_TYPES = ['application/xml', 'text/xml'];

const ecbRoute = createRoute({
  method: 'post',
  path: '/fx/ecb-imports',
  operationId: 'importEcbRates',
  tags: [TAG],
  summary: 'Import an ECB reference-rates file (eurofxref-daily.xml or the 90-day file)',
  description:
    'The whole file is checked before anything is written: a defect refuses it (422) and the previous rates stay.',
  security: needs('fx:write'),
  middleware: [platformToken('fx:write')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/xml': {
          schema: z.string().openapi({ description: 'The ECB XML file as published.' }),
        },
      },
    },
  },
  responses: { 201: json(EcbImportResult, 'What was imported'), ...problems(TOKEN_WRITE) },
});

/** Platform FX rates, for platform tokens with `fx:write`. */
export function fxRoutes() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const rates = await listLatestRates(c.get('platform'));
      return c.json({ items: rates.map(toFxRate) }, 200);
    })
    .openapi(setRoute, async (c) =>
      c.json(toFxRate(await setManualRate(c.get('platform'), c.req.valid('json'))), 201),
    )
    .openapi(ecbRoute, async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!XML_TYPES.includes(type)) {
        throw new HTTPException(415, { message: 'send the ECB file as application/xml' });
      }
      const result = await importEcbRates(c.get('platform'), { xml: await c.req.text() });
      return c.json(result, 201);
    });
}
