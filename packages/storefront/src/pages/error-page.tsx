import type { Translate } from '@aldea/core';
import type { MessageKey } from '../messages/index.js';

/** The statuses the storefront renders an error page for. */
export type ErrorStatus = 400 | 403 | 404 | 409 | 429 | 500 | 502;

const TEXTS: Record<ErrorStatus, [MessageKey, MessageKey]> = {
  400: ['error.badRequest.title', 'error.badRequest.body'],
  403: ['error.forbidden.title', 'error.forbidden.body'],
  404: ['error.notFound.title', 'error.notFound.body'],
  409: ['error.badRequest.title', 'error.badRequest.body'],
  429: ['error.tooMany.title', 'error.tooMany.body'],
  500: ['error.server.title', 'error.server.body'],
  502: ['error.server.title', 'error.server.body'],
};

/** The title of the error page for a status, in the buyer's language. */
export function errorTitle(t: Translate<MessageKey>, status: ErrorStatus): string {
  return t(TEXTS[status][0]);
}

/** A 4xx/5xx page in the buyer's language: what happened, a way on, and a reference. */
export function ErrorPage(props: {
  t: Translate<MessageKey>;
  status: ErrorStatus;
  requestId: string;
  homeHref: string | undefined;
}) {
  const { t, status } = props;
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title">{t(TEXTS[status][0])}</h1>
      <p class="lede">{t(TEXTS[status][1])}</p>
      {props.homeHref && (
        <p>
          <a class="btn" href={props.homeHref}>
            {t('error.home')}
          </a>
        </p>
      )}
      <p class="note">{t('error.reference', { requestId: props.requestId })}</p>
    </section>
  );
}
