import type {
  Clock,
  Database,
  Locale,
  LoginThrottlePolicy,
  MediaStorage,
  OperatorContext,
  PaymentGateway,
  PlatformContext,
  SessionInfo,
  SessionPolicy,
  ShopContext,
  Translate,
} from '@aldea/core';
import type { Links } from './links.js';
import type { MessageKey } from './messages/index.js';
import type { AdminTheme } from './theme.js';

/** One structured log line of the admin (always with the request id). */
export type AdminLogger = (entry: Record<string, unknown>) => void;

/** What the factory was given, after defaults. */
export interface AdminDeps {
  db: Database;
  storage: MediaStorage;
  basePath: string;
  /** `true`/`false` forces the cookie's Secure flag; `undefined` sets it on HTTPS requests. */
  secureCookies: boolean | undefined;
  /** The admin's public origin (`https://aldea.example`): reset links and the Origin check. */
  publicUrl: string | undefined;
  /** Base URL of the storefront for "see it in the shop" links, or `false`. */
  storefrontUrl: string | false;
  /** Read the client address and scheme from X-Forwarded-For / -Proto (behind a proxy). */
  trustProxy: boolean;
  clock: Clock | undefined;
  loginThrottle: Partial<LoginThrottlePolicy>;
  session: Partial<SessionPolicy>;
  /** Largest multipart request for photo uploads, in bytes. */
  maxUploadRequestBytes: number;
  /** Import sheets (plus photos) larger than this run in the background with a progress page. */
  backgroundImportBytes: number;
  logger: AdminLogger;
  /** The embedder's branding, when one was given. */
  theme: AdminTheme | undefined;
  /** The payment providers refunds and cancellations go through (manual always; Stripe when configured). */
  payments: PaymentGateway;
}

/** The Hono environment of every admin route. */
export interface AdminEnv {
  Variables: {
    requestId: string;
    deps: AdminDeps;
    links: Links;
    locale: Locale;
    t: Translate<MessageKey>;
    /** The signed-in session, when there is one. */
    session: SessionInfo | undefined;
    /** The raw session cookie (for sign-out and rotation). */
    sessionToken: string | undefined;
    /** Acting as the signed-in user (or anonymous before sign-in). */
    platform: PlatformContext;
    /** Set on `/s/:shopId/…` routes: the shop, with the user's role in it. */
    shop: ShopContext;
    /** Set on `/operator/…` routes. */
    operator: OperatorContext;
    /** The CSRF token forms carry: the session's, or the pre-sign-in cookie's. */
    csrfToken: string;
    secureHeadersNonce?: string;
  };
}
