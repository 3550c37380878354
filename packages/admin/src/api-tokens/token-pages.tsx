import type { ApiScope, ApiTokenInfo, Locale, Translate } from '@aldea/core';
import type { MessageKey } from '../messages/index.js';
import { CheckboxField, CsrfField, FormProblem, TextField } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';
import type { FailedTokenForm } from './token-form.js';

/** Where a token screen lives: a shop's settings, or the operator's platform screens. */
export interface TokenPlace {
  title: MessageKey;
  intro: MessageKey;
  /** The scopes a token made here may carry. */
  scopes: readonly ApiScope[];
  /** The list (and the create form's action). */
  home: string;
  /** The confirmation page of revoking one token (GET shows it, POST revokes). */
  revoke(tokenId: string): string;
}

interface Common {
  t: Translate<MessageKey>;
  locale: Locale;
  csrf: string;
  place: TokenPlace;
}

const scopeLabel = (t: Translate<MessageKey>, scope: string) =>
  t(`apiTokens.scope.${scope as ApiScope}`);

function TokenRow({ t, locale, place, token }: Omit<Common, 'csrf'> & { token: ApiTokenInfo }) {
  const when = (d: Date) => formatDateTime(locale, d);
  return (
    <li>
      <p>
        <strong>{token.name}</strong>{' '}
        <span class={`badge ${token.revokedAt ? 'archived' : 'active'}`}>
          {token.revokedAt ? t('apiTokens.revoked') : t('apiTokens.live')}
        </span>
      </p>
      <p class="small">
        {t('apiTokens.prefix')} <code>{token.prefix}</code>
      </p>
      <ul class="inline-list small">
        {token.scopes.map((s) => (
          <li>
            {scopeLabel(t, s)} <code>{s}</code>
          </li>
        ))}
      </ul>
      <p class="muted small">
        {t('apiTokens.created', { date: when(token.createdAt) })} ·{' '}
        {token.lastUsedAt
          ? t('apiTokens.lastUsed', { date: when(token.lastUsedAt) })
          : t('apiTokens.neverUsed')}
        {token.revokedAt && <> · {t('apiTokens.revokedAt', { date: when(token.revokedAt) })}</>}
      </p>
      {!token.revokedAt && (
        <p>
          <a class="button danger" href={place.revoke(token.id)}>
            {t('apiTokens.revoke')}
          </a>
        </p>
      )}
    </li>
  );
}

function NewTokenForm({ t, csrf, place, failed }: Common & { failed?: FailedTokenForm }) {
  const errors = failed?.errors;
  const ticked = new Set(failed?.ticked ?? []);
  const scopesError = errors?.scopes;
  return (
    <section class="card" id="new">
      <h2>{t('apiTokens.new')}</h2>
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      <form method="post" action={place.home} novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="name"
          label={t('apiTokens.name')}
          hint={t('apiTokens.nameHint')}
          values={failed?.values}
          errors={errors}
          maxlength={80}
          autocomplete="off"
          required
        />
        <fieldset
          class={scopesError ? 'has-error' : undefined}
          aria-describedby={scopesError ? 'f-scopes-error' : 'f-scopes-hint'}
        >
          <legend>{t('apiTokens.scopes')}</legend>
          <p class="hint" id="f-scopes-hint">
            {t('apiTokens.scopesHint')}
          </p>
          {scopesError && (
            <p class="error" id="f-scopes-error" role="alert">
              {scopesError}
            </p>
          )}
          {place.scopes.map((s) => (
            <CheckboxField
              name="scopes"
              value={s}
              label={`${scopeLabel(t, s)} (${s})`}
              checked={ticked.has(s)}
            />
          ))}
        </fieldset>
        <button type="submit" class="primary">
          {t('apiTokens.create')}
        </button>
      </form>
    </section>
  );
}

/** The tokens of a shop (or the platform), newest first, revoked ones too, and the form for a new one. */
export function TokensPage(p: Common & { tokens: ApiTokenInfo[]; failed?: FailedTokenForm }) {
  const { t } = p;
  return (
    <>
      <h1>{t(p.place.title)}</h1>
      <p class="hint">{t(p.place.intro)}</p>
      {p.tokens.length === 0 ? (
        <p class="card">{t('apiTokens.none')}</p>
      ) : (
        <ul class="list">
          {p.tokens.map((token) => (
            <TokenRow t={t} locale={p.locale} place={p.place} token={token} />
          ))}
        </ul>
      )}
      <NewTokenForm {...p} />
    </>
  );
}

/**
 * The one time a token's secret is shown: right after it was made, in the
 * response to the form (never in a URL, never stored, never shown again).
 */
export function TokenCreatedPage({
  t,
  place,
  token,
  apiToken,
}: Omit<Common, 'csrf' | 'locale'> & { token: string; apiToken: ApiTokenInfo }) {
  return (
    <section class="card">
      <h1>{t('apiTokens.createdTitle', { name: apiToken.name })}</h1>
      <p class="notice ok" role="status">
        {t('apiTokens.copyNow')}
      </p>
      <div class="field">
        <label for="f-token">{t('apiTokens.yourToken')}</label>
        <input
          id="f-token"
          type="text"
          readonly
          value={token}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="f-token-hint"
        />
        <p class="hint" id="f-token-hint">
          {t('apiTokens.copyHint')}
        </p>
      </div>
      <ul class="inline-list small">
        {apiToken.scopes.map((s) => (
          <li>
            <code>{s}</code> {scopeLabel(t, s)}
          </li>
        ))}
      </ul>
      <p>
        <a class="button primary" href={place.home}>
          {t('apiTokens.copied')}
        </a>
      </p>
    </section>
  );
}

/** "Revoke this token?": the step before a program loses its access. */
export function RevokeTokenPage({
  t,
  csrf,
  place,
  token,
}: Omit<Common, 'locale'> & { token: ApiTokenInfo }) {
  return (
    <section class="card">
      <h1>{t('apiTokens.confirmTitle', { name: token.name })}</h1>
      {token.revokedAt ? (
        <p>{t('apiTokens.alreadyRevoked')}</p>
      ) : (
        <>
          <p>{t('apiTokens.confirmBody', { prefix: token.prefix })}</p>
          <form method="post" action={place.revoke(token.id)} class="inline">
            <CsrfField token={csrf} />
            <button type="submit" class="danger">
              {t('apiTokens.confirm')}
            </button>
          </form>{' '}
        </>
      )}
      <a href={place.home}>{t('common.back')}</a>
    </section>
  );
}

/** The settings page's way in: a card linking to the shop's API tokens. */
export function ApiTokensCard({ t, href }: { t: Translate<MessageKey>; href: string }) {
  return (
    <section class="card" id="api-tokens">
      <h2>{t('apiTokens.title')}</h2>
      <p class="hint">{t('apiTokens.settingsHint')}</p>
      <p>
        <a href={href}>{t('apiTokens.settingsLink')}</a>
      </p>
    </section>
  );
}
