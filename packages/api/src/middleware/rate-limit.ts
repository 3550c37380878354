import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../env.js';
import { clientAddress } from '../http/client-address.js';
import { problemResponse } from '../http/problem.js';
import { type BucketPolicy, TokenBuckets } from './token-bucket.js';

/** Rate limits of `createApi`: token buckets per API token and per client address. */
export interface RateLimitOptions {
  /** Requests with a live token (default: bursts of 120, 120 a minute). */
  perToken?: BucketPolicy;
  /** Anonymous requests and refused tokens, by client address (default: 60, 60 a minute). */
  perAddress?: BucketPolicy;
  /** Most buckets kept in memory per kind (default 10,000, least recently used dropped). */
  maxKeys?: number;
}

export const DEFAULT_RATE_LIMITS = {
  perToken: { capacity: 120, refillPerMinute: 120 },
  perAddress: { capacity: 60, refillPerMinute: 60 },
} as const satisfies Required<Omit<RateLimitOptions, 'maxKeys'>>;

function policyHeader(p: BucketPolicy): string {
  return `${p.capacity};w=${Math.ceil((p.capacity * 60) / p.refillPerMinute)}`;
}

/**
 * Takes one request from the caller's bucket — the token's when it is live,
 * else the client address's — and reports it in `RateLimit-Limit`,
 * `RateLimit-Remaining`, `RateLimit-Reset` (seconds until the bucket is full)
 * and `RateLimit-Policy` on every response. An empty bucket is a 429 problem
 * with `Retry-After`.
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler<ApiEnv> {
  const perToken = options.perToken ?? DEFAULT_RATE_LIMITS.perToken;
  const perAddress = options.perAddress ?? DEFAULT_RATE_LIMITS.perAddress;
  const tokens = new TokenBuckets(perToken, options.maxKeys);
  const addresses = new TokenBuckets(perAddress, options.maxKeys);
  return async (c, next) => {
    const auth = c.get('auth');
    const now = (c.get('deps').clock?.now() ?? new Date()).getTime();
    const byToken = auth.kind === 'token';
    const r = byToken
      ? tokens.take(`tok:${auth.token.id}`, now)
      : addresses.take(`ip:${clientAddress(c)}`, now);
    const headers = {
      'RateLimit-Limit': String(r.limit),
      'RateLimit-Remaining': String(r.remaining),
      'RateLimit-Reset': String(r.resetSeconds),
      'RateLimit-Policy': policyHeader(byToken ? perToken : perAddress),
    };
    if (!r.allowed) {
      return problemResponse(
        c,
        429,
        'RATE_LIMITED',
        `too many requests ${byToken ? 'with this token' : 'from this address'}; retry in ${r.retryAfterSeconds} s`,
        { headers: { ...headers, 'Retry-After': String(r.retryAfterSeconds) } },
      );
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
