import { hc } from 'hono/client';
import type { createApi } from './create-api.js';

/** The API app's type: what the typed client knows about every route. */
export type ApiApp = ReturnType<typeof createApi>;

/**
 * A typed client for the API (Hono's `hc`): paths, parameters, bodies and
 * JSON responses are checked by TypeScript. `baseUrl` is where the API is
 * mounted (`https://aldea.example/api`); `token` is sent as a bearer token
 * (omit it for the public catalogue).
 *
 * @example
 * const api = createApiClient('https://aldea.example/api', process.env.ALDEA_TOKEN);
 * const res = await api.v1.admin.shops[':shop'].products.$get({ param: { shop: 'bainiu-hickory' }, query: {} });
 * if (res.ok) console.log((await res.json()).items.length);
 */
export function createApiClient(
  baseUrl: string,
  token?: string,
  options: { fetch?: typeof fetch; headers?: Record<string, string> } = {},
) {
  return hc<ApiApp>(baseUrl.replace(/\/+$/, ''), {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { ...options.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
}
