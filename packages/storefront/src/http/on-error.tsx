import { type ErrorCode, isAldeaError } from '@aldea/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env.js';
import { ErrorPage, type ErrorStatus, errorTitle } from '../pages/error-page.js';

/** The one mapping from core's closed set of error codes to HTTP statuses. */
export const STATUS_OF: Readonly<Record<ErrorCode, ErrorStatus>> = {
  VALIDATION: 400,
  UNSUPPORTED_CURRENCY: 400,
  CURRENCY_MISMATCH: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  // Buyers never sign in: an auth error here is a link into the admin. Refuse plainly.
  UNAUTHENTICATED: 403,
  RATE_LIMITED: 429,
  PAYMENT_PROVIDER: 502,
  INTERNAL: 500,
};

function statusOf(err: unknown): ErrorStatus {
  if (isAldeaError(err)) return STATUS_OF[err.code];
  if (err instanceof HTTPException) {
    const s = err.status;
    if (s === 404 || s === 403 || s === 429) return s;
    if (s >= 400 && s < 500) return 400;
  }
  return 500;
}

/** Renders the error page for `status` in the buyer's language. */
export function renderError(c: Context<AppEnv>, status: ErrorStatus) {
  const t = c.get('t');
  c.status(status);
  c.header('Cache-Control', 'no-store');
  return c.render(
    <ErrorPage
      t={t}
      status={status}
      requestId={c.get('requestId')}
      homeHref={c.get('links').platform('/') ?? '/'}
    />,
    { title: errorTitle(t, status), index: false },
  );
}

/**
 * The app's one `onError`: an AldeaError's code decides the status; anything
 * unexpected is a 500 whose cause goes to the log (with the request id), never
 * to the page.
 */
export function onError(err: Error, c: Context<AppEnv>) {
  const status = statusOf(err);
  if (status >= 500) {
    c.get('log').error('unhandled', {
      status,
      error: err.message,
      stack: err.stack?.split('\n').slice(0, 8).join('\n'),
    });
  } else if (isAldeaError(err)) {
    c.get('log').info('refused', { status, code: err.code, error: err.message });
  }
  return renderError(c, status);
}
