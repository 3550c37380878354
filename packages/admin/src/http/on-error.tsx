import { type ErrorCode, isAldeaError } from '@aldea/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AdminEnv } from '../env.js';
import { renderPage } from '../ui/layout.js';

type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 429 | 500;

/** The one mapping from core's closed set of error codes to HTTP statuses. */
export const STATUS_OF: Readonly<Record<ErrorCode, ErrorStatus | 502>> = {
  VALIDATION: 400,
  UNSUPPORTED_CURRENCY: 400,
  CURRENCY_MISMATCH: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 403,
  RATE_LIMITED: 429,
  PAYMENT_PROVIDER: 502,
  INTERNAL: 500,
};

/** Renders the error page for a status, in the user's language, with the request id. */
export function renderError(c: Context<AdminEnv>, status: ErrorStatus | 502) {
  const t = c.get('t');
  const links = c.get('links');
  return renderPage(
    c,
    <section class="card">
      <h1>{t(`error.${status}`)}</h1>
      <p class="muted">{t('error.reference', { id: c.get('requestId') ?? '-' })}</p>
      <p>
        <a href={links.to('/')}>{t('error.home')}</a>
      </p>
    </section>,
    { title: t(`error.${status}`), status: status === 502 ? 500 : status },
  ).then((res) => {
    if (status === 502) return new Response(res.body, { status: 502, headers: res.headers });
    return res;
  });
}

/** The page a refused CSRF check shows: nothing happened; reload and try again. */
export function renderCsrfRefusal(c: Context<AdminEnv>) {
  const t = c.get('t');
  return renderPage(
    c,
    <section class="card">
      <h1>{t('csrf.title')}</h1>
      <p>{t('csrf.body')}</p>
    </section>,
    { title: t('csrf.title'), status: 403 },
  );
}

/**
 * The admin's one `onError`: an AldeaError's code decides the status; the
 * Origin check's refusal is a CSRF page; anything unexpected is a 500 whose
 * cause goes to the log with the request id, never to the page.
 */
export function onError(err: Error, c: Context<AdminEnv>) {
  // Failed before the request context was ready: no language, no layout.
  if (!c.get('t')) return c.text('Internal error', 500);
  if (isAldeaError(err)) return renderError(c, STATUS_OF[err.code]);
  if (err instanceof HTTPException) {
    if (err.status === 403) return renderCsrfRefusal(c);
    if (err.status === 413) return renderError(c, 413);
    if (err.status === 404) return renderError(c, 404);
    if (err.status < 500) return renderError(c, 400);
  }
  c.get('deps')?.logger({
    level: 'error',
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error: err.message,
    stack: err.stack?.split('\n').slice(0, 8).join('\n'),
  });
  return renderError(c, 500);
}
