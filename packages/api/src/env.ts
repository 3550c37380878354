import type {
  ApiTokenIdentity,
  Clock,
  Database,
  PaymentGateway,
  PlatformContext,
  ShopContext,
} from '@aldea/core';
import type { RateLimitOptions } from './middleware/rate-limit.js';

/** One structured log line of the API (always with the request id). */
export type ApiLogger = (entry: Record<string, unknown>) => void;

/** Options of `createApi`. */
export interface ApiOptions {
  db: Database;
  /** Payment providers, for refunds (default: manual payments only). */
  payments?: PaymentGateway;
  /**
   * Per-token and per-address token buckets (in memory, per process); `false`
   * turns rate limiting off. Default: 120 requests a minute per token, 60 per address.
   */
  rateLimit?: RateLimitOptions | false;
  /** Where the app is mounted (the OpenAPI `servers` entry and problem `type` links). Default `/api`. */
  basePath?: string;
  /** Where product photos are served (`<mediaBaseUrl>/<key>`). Default `/media`. */
  mediaBaseUrl?: string;
  /** Largest request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits). */
  trustProxy?: boolean;
  /** For tests: a fixed clock (token buckets and domain code). */
  clock?: Clock;
  /** Structured error lines (JSON on stderr by default). */
  logger?: ApiLogger;
}

/** What the factory was given, after defaults. */
export interface ApiDeps {
  db: Database;
  payments: PaymentGateway;
  basePath: string;
  mediaBaseUrl: string;
  trustProxy: boolean;
  clock: Clock | undefined;
  logger: ApiLogger;
}

/** How the request authenticated: no header, a live token, or a header we refused. */
export type ApiAuth =
  | { kind: 'anonymous' }
  | { kind: 'token'; token: ApiTokenIdentity }
  | { kind: 'invalid'; reason: string };

/** The Hono environment of every API route. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    deps: ApiDeps;
    auth: ApiAuth;
    /** Acting as the token (or as an anonymous buyer on public routes). */
    platform: PlatformContext;
    /** Set by the shop middlewares: the shop named in the path, with the actor's role. */
    shop: ShopContext;
  };
}
