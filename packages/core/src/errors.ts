/**
 * The closed set of error codes core raises. HTTP layers map each code to one
 * status in a single `onError`; nothing else decides statuses.
 */
export type ErrorCode =
  | 'VALIDATION' // input failed its zod schema; `issues` names the fields
  | 'NOT_FOUND' // the row does not exist *for this tenant* (never FORBIDDEN for another shop's id)
  | 'CONFLICT' // a unique key or a state transition refused the change
  | 'FORBIDDEN' // the acting user lacks the role for this action in this shop
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'UNSUPPORTED_CURRENCY'
  | 'CURRENCY_MISMATCH'
  | 'PAYMENT_PROVIDER'
  | 'INTERNAL';

/** One field-level problem, as a person would want to read it. */
export interface FieldIssue {
  /** Dotted path to the field, e.g. `variants.0.sku`. */
  path: string;
  message: string;
  /** Machine-readable detail (zod issue code or our own), for translation. */
  code?: string;
}

/**
 * The one error type of `@aldea/core`.
 *
 * @example
 * throw new AldeaError('NOT_FOUND', 'product not found');
 */
export class AldeaError extends Error {
  override readonly name = 'AldeaError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `e` is an {@link AldeaError}, optionally of the given code. */
export function isAldeaError(e: unknown, code?: ErrorCode): e is AldeaError {
  return e instanceof AldeaError && (code === undefined || e.code === code);
}

/** Shorthand for a NOT_FOUND naming the kind of thing that was looked for. */
export function notFound(what: string): AldeaError {
  return new AldeaError('NOT_FOUND', `${what} not found`);
}
