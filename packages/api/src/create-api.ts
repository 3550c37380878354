import { manualProvider } from '@aldea/core';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { requestId } from 'hono/request-id';
import { docsRoutes } from './docs/docs-routes.js';
import { buildOpenApiDocument } from './docs/openapi-document.js';
import type { ApiDeps, ApiEnv, ApiLogger, ApiOptions } from './env.js';
import { notFoundProblem, onError, problemResponse, validationHook } from './http/problem.js';
import { authenticate, refuseInvalidToken } from './middleware/authenticate.js';
import { cacheHeaders } from './middleware/cache-headers.js';
import { rateLimit } from './middleware/rate-limit.js';
import { adminOrderRoutes } from './routes/admin-orders.js';
import { adminPricingRoutes } from './routes/admin-pricing.js';
import { adminProductRoutes } from './routes/admin-products.js';
import { adminSettingsRoutes } from './routes/admin-settings.js';
import { adminVariantRoutes } from './routes/admin-variants.js';
import { fxRoutes } from './routes/fx-routes.js';
import { publicCatalogRoutes } from './routes/public-catalog.js';
import { publicDirectoryRoutes } from './routes/public-directory.js';
import { BEARER } from './routes/route-kit.js';

const jsonLogger: ApiLogger = (entry) => console.error(JSON.stringify(entry));

function v1Routes() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
    .route('/', publicDirectoryRoutes())
    .route('/', publicCatalogRoutes())
    .route('/', adminProductRoutes())
    .route('/', adminVariantRoutes())
    .route('/', adminOrderRoutes())
    .route('/', adminSettingsRoutes())
    .route('/', adminPricingRoutes())
    .route('/', fxRoutes());
}

/** The API's routes, as the typed client sees them. */
export type ApiRoutes = ReturnType<typeof v1Routes>;

/**
 * Aldea's JSON API as a Hono app: `/v1/…` (public catalog for headless front
 * ends; shop admin with scoped bearer tokens; FX for operators),
 * `/openapi.json` (OpenAPI 3.1, generated from the same zod schemas that
 * validate requests) and `/docs` (a readable reference). Errors are RFC 9457
 * problem+json; GETs carry ETags; requests are rate-limited per token and per
 * address. All domain work happens in `@aldea/core`.
 *
 * Routes are relative: mount the app at its base path.
 *
 * @example
 * const app = new Hono();
 * app.route('/api', createApi({ db }));
 */
export function createApi(options: ApiOptions) {
  const deps: ApiDeps = {
    db: options.db,
    payments: options.payments ?? { manual: manualProvider },
    basePath: (options.basePath ?? '/api').replace(/\/+$/, ''),
    mediaBaseUrl: (options.mediaBaseUrl ?? '/media').replace(/\/+$/, ''),
    trustProxy: options.trustProxy ?? false,
    clock: options.clock,
    logger: options.logger ?? jsonLogger,
  };
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match', 'Accept-Language'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposeHeaders: [
        'ETag',
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'RateLimit-Policy',
        'X-Request-Id',
      ],
      maxAge: 600,
    }),
  );
  app.use(authenticate());
  if (options.rateLimit !== false) app.use(rateLimit(options.rateLimit ?? {}));
  app.use(refuseInvalidToken());
  app.use(async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return bodyLimit({
      maxSize: maxBodyBytes,
      onError: (cx) =>
        problemResponse(
          cx as typeof c,
          413,
          'PAYLOAD_TOO_LARGE',
          `the body is larger than ${maxBodyBytes} bytes`,
        ),
    })(c, next);
  });
  app.use(etag());
  app.use(cacheHeaders());
  app.onError(onError);
  app.notFound(notFoundProblem);

  const routes = app.route('/v1', v1Routes());
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    description:
      'A shop API token (`aldea_…`) made in the admin, or a platform token made by an operator. Each operation lists the scope it needs.',
  });
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  const document = () => {
    doc ??= buildOpenApiDocument(app, deps.basePath);
    return doc;
  };
  app.route('/', docsRoutes(document, deps.basePath));
  // Last: every other path under the mount point is a problem+json 404, even
  // when the host app has its own not-found page.
  app.all('*', notFoundProblem);
  return routes;
}
