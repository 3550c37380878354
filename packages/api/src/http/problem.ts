import { type ErrorCode, type FieldIssue, isAldeaError } from '@aldea/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ApiEnv } from '../env.js';
import type { Problem, ProblemCode } from './problem-schema.js';

/** The one mapping from core's closed set of error codes to HTTP statuses. */
export const STATUS_OF: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  VALIDATION: 422,
  UNSUPPORTED_CURRENCY: 422,
  CURRENCY_MISMATCH: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  PAYMENT_PROVIDER: 502,
  INTERNAL: 500,
};

/** Problem codes of failures the HTTP layer itself detects, by status. */
const HTTP_CODE_OF: Partial<Record<number, ProblemCode>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Payment provider error',
};

/**
 * A request that does not match the documented schema (query, path or body):
 * a 400 whose `errors` name each field. Domain refusals of well-formed
 * requests are core's VALIDATION errors: 422.
 */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(
    readonly target: string,
    readonly issues: FieldIssue[],
  ) {
    super(`the request ${target} does not match the documented schema`);
  }
}

/** The `defaultHook` of every route: a failed zod check becomes a 400 problem. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
): void {
  if (result.success) return;
  throw new RequestValidationError(
    result.target === 'json' ? 'body' : result.target,
    result.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
      code: i.code,
    })),
  );
}

/** Writes a problem as `application/problem+json` (RFC 9457). */
export function problemResponse(
  c: Context<ApiEnv>,
  status: ContentfulStatusCode,
  code: ProblemCode,
  detail: string,
  extra: { errors?: FieldIssue[]; headers?: Record<string, string> } = {},
): Response {
  const base = c.get('deps')?.basePath ?? '';
  const body: Problem = {
    type: `${base}/docs#problem-${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId') ?? '',
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...extra.headers,
    },
  });
}

/**
 * The API's one `onError`: an AldeaError's code decides the status; HTTP-level
 * refusals (malformed JSON, 413, 415) keep theirs; anything unexpected is a
 * 500 whose cause goes to the log with the request id, never to the client.
 */
export function onError(err: Error, c: Context<ApiEnv>): Response {
  if (err instanceof RequestValidationError) {
    return problemResponse(c, 400, 'BAD_REQUEST', err.message, { errors: err.issues });
  }
  if (isAldeaError(err)) {
    const status = STATUS_OF[err.code];
    if (status === 500) return internal(err, c);
    const headers: Record<string, string> =
      err.code === 'UNAUTHENTICATED'
        ? { 'WWW-Authenticate': 'Bearer realm="aldea", error="invalid_token"' }
        : {};
    return problemResponse(c, status, err.code, err.message, { errors: err.issues, headers });
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = HTTP_CODE_OF[err.status] ?? 'BAD_REQUEST';
    const status = HTTP_CODE_OF[err.status] ? err.status : 400;
    return problemResponse(c, status as ContentfulStatusCode, code, err.message || code);
  }
  return internal(err, c);
}

function internal(err: Error, c: Context<ApiEnv>): Response {
  c.get('deps')?.logger({
    level: 'error',
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error: err.message,
    stack: err.stack?.split('\n').slice(0, 8).join('\n'),
  });
  return problemResponse(
    c,
    500,
    'INTERNAL',
    'something went wrong on our side; quote the request id',
  );
}

/** Unknown paths answer a 404 problem too. */
export function notFoundProblem(c: Context<ApiEnv>): Response {
  return problemResponse(c, 404, 'NOT_FOUND', `no such endpoint: ${c.req.method} ${c.req.path}`);
}
