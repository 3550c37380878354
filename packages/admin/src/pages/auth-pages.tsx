import type { Translate } from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField, FormProblem, type FormValues, TextField } from '../ui/fields.js';

interface Common {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
}

/** Sign-in with an email or phone number and a password. */
export function LoginPage({
  t,
  links,
  csrf,
  next,
  values,
  errors,
  problem,
}: Common & {
  next?: string;
  values?: FormValues;
  errors?: FieldErrors;
  /** A message that says nothing about whether the account exists. */
  problem?: string;
}) {
  return (
    <section class="card narrow">
      <h1>{t('login.title')}</h1>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      <form method="post" action={links.to('/login')} novalidate>
        <CsrfField token={csrf} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          name="identifier"
          label={t('login.identifier')}
          hint={t('login.identifierHint')}
          autocomplete="username"
          values={values}
          errors={errors}
          maxlength={254}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          autocomplete="current-password"
          errors={errors}
          maxlength={200}
          required
        />
        <button type="submit" class="primary">
          {t('login.submit')}
        </button>
      </form>
      <p>
        <a href={links.to('/reset')}>{t('login.forgot')}</a>
      </p>
    </section>
  );
}

/** Ask for a reset link; after submitting, the same neutral message for everyone. */
export function ResetRequestPage({
  t,
  links,
  csrf,
  sent,
  values,
  errors,
}: Common & { sent?: boolean; values?: FormValues; errors?: FieldErrors }) {
  return (
    <section class="card narrow">
      <h1>{t('reset.title')}</h1>
      {sent ? (
        <p class="notice ok" role="status">
          {t('reset.sent')}
        </p>
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <FormProblem errors={errors} text={t('common.fixErrors')} />
          <form method="post" action={links.to('/reset')} novalidate>
            <CsrfField token={csrf} />
            <TextField
              name="identifier"
              label={t('login.identifier')}
              autocomplete="username"
              values={values}
              errors={errors}
              maxlength={254}
              required
            />
            <button type="submit" class="primary">
              {t('reset.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={links.login()}>{t('login.title')}</a>
      </p>
    </section>
  );
}

/** Choose a new password with a reset link, or say the link no longer works. */
export function ResetPasswordPage({
  t,
  links,
  csrf,
  token,
  valid,
  errors,
}: Common & { token: string; valid: boolean; errors?: FieldErrors }) {
  if (!valid) {
    return (
      <section class="card narrow">
        <h1>{t('reset.newTitle')}</h1>
        <p class="notice error" role="alert">
          {t('reset.invalid')}
        </p>
        <p>
          <a href={links.to('/reset')}>{t('reset.title')}</a>
        </p>
      </section>
    );
  }
  return (
    <section class="card narrow">
      <h1>{t('reset.newTitle')}</h1>
      <form method="post" action={links.to(`/reset/${encodeURIComponent(token)}`)} novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="password"
          type="password"
          label={t('reset.newPassword')}
          hint={t('reset.newHint')}
          autocomplete="new-password"
          errors={errors}
          maxlength={200}
          required
        />
        <button type="submit" class="primary">
          {t('reset.confirm')}
        </button>
      </form>
    </section>
  );
}
