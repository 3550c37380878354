import {
  AldeaError,
  type Clock,
  type Database,
  type MediaStorage,
  manualProvider,
  type PaymentGateway,
  systemClock,
  type Theme,
} from '@aldea/core';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { stripeWebhookRoutes } from './checkout/index.js';
import type { AppEnv, SiteMode, StorefrontDeps } from './env.js';
import { frontDoor } from './http/front-door.js';
import { urlLengthGuard } from './http/guards.js';
import { onError, renderError } from './http/on-error.js';
import { pageFastLane } from './http/page-fast-lane.js';
import { pageRenderer } from './http/page-renderer.js';
import { type PageStore, pageStore } from './http/page-store.js';
import { hostShopResolver } from './middleware/host-shop.js';
import { jsonLogger, requestLog, type StorefrontLogger } from './middleware/request-log.js';
import { siteContext } from './middleware/site-context.js';
import { assetRoutes } from './routes/asset-routes.js';
import { platformRoutes } from './routes/platform-routes.js';
import { platformSeoRoutes, shopHostRobotsRoute } from './routes/seo-routes.js';
import { shopRoutes } from './routes/shop-routes.js';
import { storefrontTheme } from './theme.js';

/** Options of {@link createStorefront}. */
export interface StorefrontOptions {
  db: Database;
  /** Where product photos are stored (served at `/media/<key>`). */
  storage: MediaStorage;
  /** With `example.com`, `{shop}.example.com` serves that shop's pages at `/`, `/p/…`. */
  baseDomain?: string;
  /** The platform's public origin (`https://aldea.example`): canonical URLs, sitemaps, JSON-LD. */
  publicUrl?: string;
  /** Structured log lines (each with the request id); JSON lines on stdout by default. */
  logger?: StorefrontLogger;
  /** Where "now" comes from (FX staleness, cart times); tests pass a fixed clock. */
  clock?: Clock;
  /** How buyers pay: manual methods always; cards when a Stripe provider is given (`createStripeProvider`). */
  payments?: PaymentGateway;
  /**
   * Your branding: name, colours, logo and fonts (see core's `Theme`), served
   * as a stylesheet of CSS custom properties. Validated at once: a bad value
   * throws a VALIDATION `AldeaError` naming the field.
   */
  theme?: Theme;
  /**
   * Bytes of rendered catalogue pages (home, village, shop, collection,
   * product) this process keeps, 64 MiB by default; `0` turns the cache off.
   * Pages are re-rendered as soon as the data they show changes (in any
   * process: the database keeps the version) and at least once a minute.
   */
  pageCacheBytes?: number;
}

const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;
const PAGE_MAX_AGE_MS = 60_000;

/** A strict CSP: no inline script or style anywhere, images from us (and `data:` placeholders). */
const CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
};

function site(deps: StorefrontDeps, mode: SiteMode): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(requestLog(deps.logger));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        ...CSP,
        imgSrc: [...CSP.imgSrc, ...(deps.theme?.logoOrigin ? [deps.theme.logoOrigin] : [])],
        // The review page's form redirects to the card provider's hosted payment page.
        formAction: [
          ...CSP.formAction,
          ...(deps.payments.card ? [deps.payments.card.checkoutOrigin] : []),
        ],
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
      // Headers only browsers long gone read: frame-ancestors in the CSP replaces
      // X-Frame-Options; X-XSS-Protection drove an auditor browsers removed;
      // X-Download-Options was IE's, X-Permitted-Cross-Domain-Policies Flash's.
      // Each costs every response (and a buyer's phone) a header; see decision 017.
      xFrameOptions: false,
      xXssProtection: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xDnsPrefetchControl: false,
      originAgentCluster: false,
    }),
  );
  app.use(compress());
  app.use(pageRenderer());
  app.use(siteContext(deps, mode));
  app.use(urlLengthGuard());
  app.onError(onError);
  app.notFound((c) => renderError(c, 404));

  app.route('/', assetRoutes());
  if (mode === 'path') {
    app.route('/', platformSeoRoutes());
    app.route('/', platformRoutes());
    app.route('/s/:shop', shopRoutes());
  } else {
    app.route('/', shopHostRobotsRoute());
    app.route('/', shopRoutes());
  }
  return app;
}

function pagesOf(bytes = DEFAULT_PAGE_CACHE_BYTES): PageStore | undefined {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new AldeaError(
      'VALIDATION',
      'pageCacheBytes must be a whole number of bytes, 0 or more',
      [{ path: 'pageCacheBytes', message: 'a whole number, 0 or more', code: 'invalid' }],
    );
  }
  return bytes === 0 ? undefined : pageStore({ maxBytes: bytes, maxAgeMs: PAGE_MAX_AGE_MS });
}

/**
 * The buyer-facing storefront as a Hono app: the platform home, village pages,
 * and every shop (at `/s/{shop}/…`, or at `/` on the shop's own domain or
 * `{shop}.{baseDomain}`). Server-rendered HTML that works without JavaScript.
 *
 * Mount it last (`app.route('/', createStorefront(…))`): it answers every path
 * its routes do not know with its own 404 page. Its own `fetch` answers pages
 * it keeps before routing anything; in an app it is mounted in, do the same
 * with `storefrontFrontDoor(app, storefront)`.
 *
 * @example
 * const app = new Hono();
 * app.route('/admin', createAdmin({ db, storage }));
 * const storefront = createStorefront({ db, storage, publicUrl: 'https://aldea.example' });
 * app.route('/', storefront);
 * storefrontFrontDoor(app, storefront);
 */
export function createStorefront(options: StorefrontOptions): Hono {
  const deps: StorefrontDeps = {
    db: options.db,
    storage: options.storage,
    baseDomain: options.baseDomain,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    logger: options.logger ?? jsonLogger,
    clock: options.clock ?? systemClock,
    payments: options.payments ?? { manual: manualProvider },
    theme: options.theme ? storefrontTheme(options.theme) : undefined,
    pages: pagesOf(options.pageCacheBytes),
  };
  const onPlatform = site(deps, 'path');
  const onShopHost = site(deps, 'host');
  const shopOfHost = hostShopResolver(deps);

  const root = new Hono();
  root.use(pageFastLane(deps));
  root.route('/', stripeWebhookRoutes(deps));
  root.all('*', async (c) => {
    const { shop } = await shopOfHost(c.req.header('host'));
    const env = (c.env ?? {}) as Record<string, unknown>;
    return shop === undefined
      ? onPlatform.fetch(c.req.raw, env)
      : onShopHost.fetch(c.req.raw, { ...env, aldeaHostShop: shop });
  });
  frontDoor(deps, root);
  return root;
}
