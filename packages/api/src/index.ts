/**
 * `@aldea/api` — Aldea's documented JSON API as a Hono app factory, and a typed
 * client for it.
 */
export { type ApiApp, createApiClient } from './client.js';
export { type ApiRoutes, createApi } from './create-api.js';
export type { ApiEnv, ApiLogger, ApiOptions } from './env.js';
export type { Problem, ProblemCode } from './http/problem-schema.js';
export { DEFAULT_RATE_LIMITS, type RateLimitOptions } from './middleware/rate-limit.js';
export type { BucketPolicy } from './middleware/token-bucket.js';
