import {
  type Clock,
  createApiToken,
  type Database,
  type ShopApiScope,
  type ShopContext,
} from '@aldea/core';
import { Hono } from 'hono';
import { testGateway } from '../../../core/test/support/checkout-factories.js';
import { makeShop } from '../../../core/test/support/factories.js';
import { makeTestDb } from '../../../core/test/support/test-db.js';
import { type ApiOptions, createApi } from '../../src/index.js';
import { OpenApiValidator } from './openapi-validator.js';

export { makeProduct, makeProducts } from '../../../core/test/support/catalog-factories.js';
export { fixedClock, makeShop } from '../../../core/test/support/factories.js';

let validator: OpenApiValidator | undefined;

/**
 * The generated document, read once per test file (from an app of its own, so
 * it costs no rate-limit budget): every call is validated against it.
 */
async function specValidator(db: Database): Promise<OpenApiValidator> {
  if (!validator) {
    const app = new Hono().route('/api', createApi({ db, rateLimit: false }));
    const res = await app.request('/api/openapi.json');
    validator = new OpenApiValidator((await res.json()) as OpenApiValidator['doc']);
  }
  return validator;
}

/** What a test call sends. */
export interface CallOptions {
  token?: string;
  /** JSON-encoded unless `raw` is given. */
  json?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A response, already checked against the OpenAPI document. */
export interface Called {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  body: any;
}

/** An API mounted at `/api` like the demo does, on a fresh database. */
export async function makeApiWorld(
  overrides: Partial<Omit<ApiOptions, 'db'>> & { db?: Database; clock?: Clock } = {},
) {
  const db = overrides.db ?? (await makeTestDb());
  const api = createApi({ rateLimit: false, payments: testGateway(), ...overrides, db });
  const app = new Hono().route('/api', api);
  const spec = await specValidator(db);

  /** Calls the API and checks the response against the OpenAPI document. */
  async function call(method: string, path: string, o: CallOptions = {}): Promise<Called> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    let body: string | Uint8Array | undefined = o.raw;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await app.request(`/api${path}`, { method, headers, ...(body ? { body } : {}) });
    const text = await res.text();
    const url = new URL(`http://x/api${path}`);
    spec.check(method, url.pathname, res.status, res.headers.get('content-type'), text);
    const isJson = /json/.test(res.headers.get('content-type') ?? '');
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: isJson ? JSON.parse(text) : text,
    };
  }

  /** A token of `shop` with these scopes. */
  async function tokenFor(shop: ShopContext, scopes: ShopApiScope[]): Promise<string> {
    return (await createApiToken(shop, { name: `test ${scopes.join(' ')}`, scopes })).token;
  }

  return { db, app, api, spec, call, tokenFor, makeShop: () => makeShop(db) };
}

export type ApiWorld = Awaited<ReturnType<typeof makeApiWorld>>;
