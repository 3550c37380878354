import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../env.js';

/** The OpenAPI 3.1 document object (as `@hono/zod-openapi` generates it). */
export type OpenApiDocument = ReturnType<OpenAPIHono<ApiEnv>['getOpenAPI31Document']>;

const DESCRIPTION = `Aldea's JSON API: the public catalogue for headless front ends and mobile apps,
and the shop admin (products, variants, stock, prices, orders, settings) for scripts and
integrations, plus FX rates for platform operators.

- **Authentication**: \`Authorization: Bearer <token>\`. Shop tokens act in their own shop
  only, with their scopes (\`catalog:read\`, \`catalog:write\`, \`orders:read\`, \`orders:write\`,
  \`settings:read\`, \`settings:write\`; a \`:write\` scope includes its \`:read\`). Platform tokens
  carry \`fx:write\`. Another shop's ids answer 404, a missing scope 403, a revoked token 401.
- **Money** is integer minor units with a currency code, never a float. FX rates are exact
  decimal strings.
- **Paging** is by keyset: follow \`nextCursor\` until it is \`null\`.
- **Caching**: GETs carry an \`ETag\`; send it back in \`If-None-Match\` for a 304.
- **Errors** are RFC 9457 \`application/problem+json\` with a \`code\` and, for bad input,
  \`errors\` naming each field: 400 when the request does not match this schema, 422 when it
  does but the shop's rules refuse it.
- **Rate limits**: token buckets per token (and per client address without one), reported in
  \`RateLimit-Limit\`, \`RateLimit-Remaining\`, \`RateLimit-Reset\` and \`RateLimit-Policy\`; an
  empty bucket answers 429 with \`Retry-After\`.`;

/** Generates the document once every route is registered. */
export function buildOpenApiDocument(app: OpenAPIHono<ApiEnv>, basePath: string): OpenApiDocument {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Aldea API', version: '1.0.0', description: DESCRIPTION },
    servers: [{ url: basePath || '/' }],
    tags: [
      {
        name: 'Public catalog',
        description: 'No token needed. Live shops and active products only.',
      },
      { name: 'Shop catalog', description: 'A shop’s products, variants, stock and prices.' },
      { name: 'Shop orders', description: 'Orders: list, read, ship, refund.' },
      { name: 'Shop settings', description: 'Profile, languages, currencies, status, domain.' },
      { name: 'FX', description: 'Platform exchange rates (platform tokens with `fx:write`).' },
    ],
  });
}
