import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiEnv } from '../env.js';
import { validationHook } from '../http/problem.js';

/** The name of the bearer security scheme in the OpenAPI document. */
export const BEARER = 'bearerToken';

/** A sub-router whose failed zod checks become 400 problems. */
export function newRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}

/** A JSON response declaration. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/**
 * A required JSON request body. `name` makes the schema a named component of
 * the document (core's input schemas are used as they are: the API validates
 * with exactly what core validates with).
 */
export function jsonBody<T extends z.ZodType>(schema: T, name?: string) {
  return {
    required: true,
    content: { 'application/json': { schema: name ? named(schema, name) : schema } },
  } as const;
}

/**
 * Names a schema in the document. Core's schemas were built before
 * `@hono/zod-openapi` added `.openapi()` to zod's prototype (zod 4 copies
 * prototype methods onto each instance when it is made), so the method is
 * called from the prototype: it returns a copy with the same checks, named.
 */
function named<T extends z.ZodType>(schema: T, name: string): T {
  const { openapi } = z.ZodType.prototype as unknown as { openapi(this: T, refId: string): T };
  return openapi.call(schema, name);
}

/** The 304 every GET may answer when `If-None-Match` has the current ETag. */
export const NOT_MODIFIED = {
  304: { description: 'Not modified: `If-None-Match` matched the current `ETag`.' },
} as const;

/** The security requirement of an operation needing `scope`. */
export function needs(scope: string) {
  return [{ [BEARER]: [scope] }];
}

/** Where photos are served: `<mediaBaseUrl>/<key>`. */
export function mediaUrlOf(c: Context<ApiEnv>): (key: string) => string {
  const base = c.get('deps').mediaBaseUrl;
  return (key) => `${base}/${key}`;
}
