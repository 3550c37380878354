import type { ErrorCode } from '@aldea/core';
import { z } from '@hono/zod-openapi';

/** Core's error codes, as problem codes (checked exhaustive below). */
const CORE_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'UNSUPPORTED_CURRENCY',
  'CURRENCY_MISMATCH',
  'PAYMENT_PROVIDER',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];
type MissingCoreCode = Exclude<ErrorCode, (typeof CORE_CODES)[number]>;
const everyCoreCode: MissingCoreCode extends never ? true : MissingCoreCode = true;
void everyCoreCode;

/** Every `code` a problem can carry: core's codes and the HTTP layer's own. */
export const PROBLEM_CODES = [
  ...CORE_CODES,
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** What each problem code means, for the reference page. */
export const PROBLEM_MEANINGS: Record<ProblemCode, string> = {
  BAD_REQUEST:
    'The request does not match the documented schema (a query, path or body field, or malformed JSON). `errors` names the fields.',
  VALIDATION:
    'The request is well-formed but the shop refuses it (too many decimals for the currency, a duplicate SKU, a cursor this list did not give out…). `errors` names the fields.',
  UNAUTHENTICATED: 'No bearer token, or a malformed, unknown or revoked one.',
  FORBIDDEN: 'The token is valid but lacks the scope this operation needs.',
  NOT_FOUND:
    'No such endpoint (or not with this method), or no such thing for this token: unknown, or another shop’s (another shop’s ids are never confirmed to exist).',
  CONFLICT:
    'A unique key (slug, SKU) or the current state (e.g. shipping an unpaid order) refuses the change.',
  PAYLOAD_TOO_LARGE: 'The body is larger than the configured limit (1 MiB by default).',
  UNSUPPORTED_MEDIA_TYPE:
    'The body is not in the media type the operation accepts (`application/json`).',
  UNSUPPORTED_CURRENCY: 'An unknown ISO 4217 currency code.',
  CURRENCY_MISMATCH: 'Amounts in two currencies cannot be combined.',
  RATE_LIMITED: 'Too many requests: wait `Retry-After` seconds.',
  PAYMENT_PROVIDER: 'The payment provider failed or is not configured (refunds).',
  INTERNAL: 'Something failed on our side. Quote the `requestId`.',
};

/** One field-level problem. */
export const FieldProblem = z
  .object({
    path: z.string().openapi({ description: 'Dotted path to the field, e.g. `variants.0.sku`.' }),
    message: z.string(),
    code: z.string().optional(),
  })
  .openapi('FieldProblem');

/** RFC 9457 problem details, with Aldea's `code`, `requestId` and field `errors`. */
export const Problem = z
  .object({
    type: z.string().openapi({ description: 'A link to this problem type on the reference page.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ description: 'The request path.' }),
    code: z.enum(PROBLEM_CODES),
    requestId: z.string(),
    errors: z.array(FieldProblem).optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;

/** Statuses an operation may answer with a problem. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'The request does not match the schema (`BAD_REQUEST`).',
  401: 'Missing, malformed, unknown or revoked token (`UNAUTHENTICATED`).',
  403: 'The token lacks the scope (`FORBIDDEN`).',
  404: 'Not found for this token (`NOT_FOUND`).',
  409: 'Refused by a unique key or the current state (`CONFLICT`).',
  413: 'Body over the limit (`PAYLOAD_TOO_LARGE`).',
  415: 'Body not `application/json` (`UNSUPPORTED_MEDIA_TYPE`).',
  422: 'Refused by the shop’s rules (`VALIDATION`).',
  429: 'Rate limited (`RATE_LIMITED`); retry after `Retry-After` seconds.',
  500: 'Internal error (`INTERNAL`).',
  502: 'The payment provider failed (`PAYMENT_PROVIDER`).',
};

const HEADERS: Partial<
  Record<
    ProblemStatus,
    Record<string, { description: string; schema: { type: 'string' } | { type: 'integer' } }>
  >
> = {
  401: {
    'WWW-Authenticate': { description: '`Bearer realm="aldea"`', schema: { type: 'string' } },
  },
  429: {
    'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
  },
};

type ProblemResponse = {
  description: string;
  content: { 'application/problem+json': { schema: typeof Problem } };
};

/** The problem responses of an operation, for `createRoute({ responses })`. */
export function problems<const S extends readonly ProblemStatus[]>(
  statuses: S,
): { [K in S[number]]: ProblemResponse } {
  const out: Record<number, ProblemResponse> = {};
  for (const status of statuses) {
    out[status] = {
      description: DESCRIPTIONS[status],
      content: { 'application/problem+json': { schema: Problem } },
      ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
    };
  }
  return out as { [K in S[number]]: ProblemResponse };
}

/** Problems of public reads (an invalid token header is still a 401). */
export const PUBLIC_READ = [400, 401, 404, 422, 429, 500] as const;
/** Problems of token-authenticated reads. */
export const TOKEN_READ = [400, 401, 403, 404, 422, 429, 500] as const;
/** Problems of token-authenticated writes. */
export const TOKEN_WRITE = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500] as const;
/** Problems of token-authenticated operations that send a body but change nothing. */
export const TOKEN_BODY_READ = [400, 401, 403, 404, 413, 415, 422, 429, 500] as const;
