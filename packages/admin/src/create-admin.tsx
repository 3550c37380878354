import {
  type Clock,
  type Database,
  type LoginThrottlePolicy,
  type MediaStorage,
  manualProvider,
  type PaymentGateway,
  type SessionPolicy,
  type Theme,
} from '@aldea/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AdminDeps, AdminEnv, AdminLogger } from './env.js';
import { onError, renderError } from './http/on-error.js';
import { makeLinks } from './links.js';
import { csrfToken } from './middleware/csrf-token.js';
import { requestContext } from './middleware/request-context.js';
import { requireUser } from './middleware/require-user.js';
import { onboardingRoutes } from './onboarding/index.js';
import { assetRoutes } from './routes/asset-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { homeRoutes } from './routes/home-routes.js';
import { operatorRoutes } from './routes/operator-routes.js';
import { shopRoutes } from './routes/shop-routes.js';
import { adminTheme } from './theme.js';

/** Options of {@link createAdmin}. */
export interface AdminOptions {
  db: Database;
  /** Where product photos go (the same storage the storefront serves from). */
  storage: MediaStorage;
  /** Where the app is mounted: links, redirects and the cookie path use it. Default `/admin`. */
  basePath?: string;
  /** Force the session cookie's Secure flag; by default it is set on HTTPS requests. */
  secureCookies?: boolean;
  /**
   * The public origin (`https://aldea.example`). Reset links are built from it
   * (never from the Host header) and form posts from it pass the Origin check.
   */
  publicUrl?: string;
  /**
   * Where the storefront is (`https://aldea.example`, or `''` for the same
   * origin, the default), for "see it in the shop" links; `false` hides them.
   */
  storefrontUrl?: string | false;
  /** Behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy?: boolean;
  /** Sign-in throttle limits (default: 10 failures in 15 minutes per account and per address). */
  loginThrottle?: Partial<LoginThrottlePolicy>;
  /** Session lifetime (default: 7 days idle, 30 days at most). */
  session?: Partial<SessionPolicy>;
  /** Largest photo-upload request in bytes (default 60 MB; each photo is also capped by media). */
  maxUploadRequestBytes?: number;
  /**
   * Import uploads (sheet plus photos zip) larger than this many bytes run in
   * the background, with a progress page, instead of inside the request
   * (default 256 KB). The server's job worker must run the import handlers.
   */
  backgroundImportBytes?: number;
  /** For tests: a fixed clock. */
  clock?: Clock;
  /** Structured error lines (JSON on stderr by default). */
  logger?: AdminLogger;
  /**
   * Your branding: name, colours, logo and fonts (see core's `Theme`), served
   * as a stylesheet of CSS custom properties. Validated at once: a bad value
   * throws a VALIDATION `AldeaError` naming the field.
   */
  theme?: Theme;
  /**
   * The payment providers refunds and cancellations go through (the same gateway
   * the storefront takes). Default: manual methods only.
   */
  payments?: PaymentGateway;
}

const CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
};

const jsonLogger: AdminLogger = (entry) => console.error(JSON.stringify(entry));

/**
 * The artisan admin as a Hono app: sign-in, the seller's shops (products,
 * photos, prices, collections, settings, activity log) and the platform
 * operator's screens. Server-rendered HTML for a 360-px phone that works
 * without JavaScript; every permission check and all domain work happen in
 * `@aldea/core`.
 *
 * Routes are relative: mount the app at its base path.
 *
 * @example
 * const app = new Hono();
 * app.route('/admin', createAdmin({ db, storage, basePath: '/admin', publicUrl }));
 * app.route('/', createStorefront({ db, storage }));
 */
export function createAdmin(options: AdminOptions): Hono<AdminEnv> {
  const deps: AdminDeps = {
    db: options.db,
    storage: options.storage,
    basePath: options.basePath ?? '/admin',
    secureCookies: options.secureCookies,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    storefrontUrl:
      options.storefrontUrl === false ? false : (options.storefrontUrl ?? '').replace(/\/+$/, ''),
    trustProxy: options.trustProxy ?? false,
    clock: options.clock,
    loginThrottle: options.loginThrottle ?? {},
    session: options.session ?? {},
    maxUploadRequestBytes: options.maxUploadRequestBytes ?? 60 * 1024 * 1024,
    backgroundImportBytes: options.backgroundImportBytes ?? 256 * 1024,
    logger: options.logger ?? jsonLogger,
    theme: options.theme ? adminTheme(options.theme) : undefined,
    payments: options.payments ?? { manual: manualProvider },
  };
  const links = makeLinks(deps.basePath, deps.storefrontUrl);
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : undefined;

  const app = new Hono<AdminEnv>();
  app.use(requestId());
  // Pages are text: gzip them for phones on slow networks.
  app.use(compress());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        ...CSP,
        imgSrc: [...CSP.imgSrc, ...(deps.theme?.logoOrigin ? [deps.theme.logoOrigin] : [])],
      },
      crossOriginEmbedderPolicy: false,
      // Reset tokens travel in URLs: never leak them to another site.
      referrerPolicy: 'same-origin',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    }),
  );
  app.use(requestContext(deps, links));
  // Layer one of CSRF: a state change must come from our own origin.
  app.use(
    csrf({
      origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin,
    }),
  );
  // Photo (logo, banner) and spreadsheet uploads get their own, larger limit; everything else is a small form.
  app.use(async (c, next) => {
    const upload =
      /\/(photos|import|settings\/logo|settings\/banner)$/.test(c.req.path) &&
      c.req.method === 'POST';
    return bodyLimit({
      maxSize: upload ? deps.maxUploadRequestBytes : 2 * 1024 * 1024,
      onError: (cx) => renderError(cx as typeof c, 413),
    })(c, next);
  });
  app.onError(onError);

  app.route('/', assetRoutes());
  // Layer two of CSRF: the per-session (or pre-sign-in) token in every form.
  app.use(csrfToken());
  app.route('/', authRoutes());
  app.route('/', onboardingRoutes());
  app.use(requireUser());
  app.route('/', homeRoutes());
  app.route('/s/:shopId', shopRoutes());
  app.route('/operator', operatorRoutes());
  app.all('*', (c) => {
    // `/admin/` is the home page too (the route table has it as `/admin`).
    if (c.req.method === 'GET' && c.req.path === `${links.base}/`)
      return c.redirect(links.to('/'), 301);
    return renderError(c, 404);
  });
  return app;
}
