import type {
  Clock,
  Database,
  Locale,
  MediaStorage,
  PaymentGateway,
  PlatformContext,
  ShopContext,
  Translate,
} from '@aldea/core';
import type { PageStore } from './http/page-store.js';
import type { Links } from './links.js';
import type { MessageKey } from './messages/index.js';
import type { RequestLog, StorefrontLogger } from './middleware/request-log.js';
import type { StorefrontTheme } from './theme.js';

/** Where the buyer's language and currency came from. */
export type PrefSource = 'query' | 'cookie' | 'header' | 'default';

/** The buyer's language and currency choice for this request. */
export interface BuyerPrefs {
  locale: Locale;
  localeSource: PrefSource;
  /** An explicit currency choice (query or cookie), already validated as ISO 4217. */
  currency: string | undefined;
  currencySource: PrefSource;
  acceptLanguage: string | undefined;
}

/** What the factory was given, after defaults. */
export interface StorefrontDeps {
  db: Database;
  storage: MediaStorage;
  /** `example.com` makes `{shop}.example.com` serve that shop at `/`. */
  baseDomain: string | undefined;
  /** The platform's public origin (`https://aldea.example`) for absolute URLs. */
  publicUrl: string | undefined;
  logger: StorefrontLogger;
  clock: Clock;
  /** How buyers pay (manual methods only when no card provider is configured). */
  payments: PaymentGateway;
  /** The embedder's branding, when one was given. */
  theme: StorefrontTheme | undefined;
  /** Rendered catalogue pages, unless the cache is off (`pageCacheBytes: 0`). */
  pages: PageStore | undefined;
}

/** How this request addresses a shop: `/s/{shop}/…` or a shop's own host. */
export type SiteMode = 'path' | 'host';

/** The Hono environment of every storefront route. */
export interface AppEnv {
  Bindings: { aldeaHostShop?: string };
  Variables: {
    requestId: string;
    log: RequestLog;
    deps: StorefrontDeps;
    mode: SiteMode;
    prefs: BuyerPrefs;
    t: Translate<MessageKey>;
    platform: PlatformContext;
    links: Links;
    /** Set by the shop loader on shop routes. */
    shop: ShopContext;
    /** The buyer currency resolved for the shop (set with `shop`). */
    currency: string;
    secureHeadersNonce?: string;
    /** Set while a page renders for the page cache: print it in place of the cart label. */
    cartSlot?: string;
    /** The HTML `c.render` made for this request (see `pageRenderer`). */
    renderedHtml?: string;
  };
}
