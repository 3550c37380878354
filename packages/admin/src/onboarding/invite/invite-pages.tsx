import { CURRENCY_CODES, type InvitationPreview, LOCALES, type Translate } from '@aldea/core';
import type { FieldErrors } from '../../http/field-errors.js';
import {
  CsrfField,
  FormProblem,
  type FormValues,
  SelectField,
  TextField,
} from '../../ui/fields.js';
import type { OnboardingMessageKey } from '../messages/index.js';

type T = Translate<OnboardingMessageKey>;
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  'zh-CN': '中文',
  'es-MX': 'Español',
};

/** The phone-sized accept page: password, shop name; village, language, currency, template prefilled. */
export function AcceptPage(props: {
  t: T;
  csrf: string;
  action: string;
  invitation: InvitationPreview;
  values?: FormValues;
  errors?: FieldErrors;
  styles: string;
}) {
  const { t, invitation: inv } = props;
  const values: FormValues = {
    name: inv.name,
    shopName: inv.shopName,
    locale: inv.locale,
    currency: inv.currency,
    ...props.values,
  };
  const currencies = [...new Set([inv.currency, 'MXN', 'CNY', 'USD', 'EUR'])].filter((c) =>
    CURRENCY_CODES.includes(c),
  );
  return (
    <section class="card narrow">
      <link rel="stylesheet" href={props.styles} />
      <h1>{t('invite.title', { village: inv.village.name })}</h1>
      <p>{t('invite.intro')}</p>
      {inv.template && (
        <p class="notice">
          {t('invite.template', { name: inv.template.name, currency: inv.currency })}
        </p>
      )}
      <FormProblem errors={props.errors} text={t('common.fix')} />
      <form method="post" action={props.action}>
        <CsrfField token={props.csrf} />
        <TextField
          name="name"
          label={t('invite.name')}
          values={values}
          errors={props.errors}
          autocomplete="name"
          required
        />
        <TextField
          name="shopName"
          label={t('invite.shopName')}
          values={values}
          errors={props.errors}
          required
        />
        {inv.needsContact && (
          <>
            <TextField
              name="phone"
              type="tel"
              inputmode="tel"
              label={t('invite.contact')}
              hint={t('invite.contactHint')}
              values={values}
              errors={props.errors}
              autocomplete="tel"
            />
            <TextField
              name="email"
              type="email"
              label={t('invite.email')}
              values={values}
              errors={props.errors}
              autocomplete="email"
            />
          </>
        )}
        <TextField
          name="password"
          type="password"
          label={t('invite.password')}
          errors={props.errors}
          autocomplete="new-password"
          required
        />
        <SelectField
          name="locale"
          label={t('invite.locale')}
          values={values}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] ?? l }))}
        />
        {inv.template ? (
          <input type="hidden" name="currency" value={inv.currency} />
        ) : (
          <SelectField
            name="currency"
            label={t('invite.currency')}
            values={values}
            errors={props.errors}
            options={currencies.map((c) => ({ value: c, label: c }))}
          />
        )}
        <button type="submit" class="button primary">
          {t('invite.submit')}
        </button>
      </form>
    </section>
  );
}

/** Why an invitation cannot be used, with the way forward. */
export function RefusedPage(props: { t: T; message: string; loginHref: string; codeHref: string }) {
  return (
    <section class="card narrow">
      <h1>{props.t('invite.codeTitle')}</h1>
      <p class="notice error" role="alert">
        {props.message}
      </p>
      <p>
        <a href={props.codeHref}>{props.t('invite.codeIntro')}</a> ·{' '}
        <a href={props.loginHref}>{props.t('invite.signIn')}</a>
      </p>
    </section>
  );
}

/** The form for typing a printed code. */
export function CodePage(props: {
  t: T;
  csrf: string;
  action: string;
  villages: { slug: string; name: string }[];
  values?: FormValues;
  problem?: string;
}) {
  const { t } = props;
  return (
    <section class="card narrow">
      <h1>{t('invite.codeTitle')}</h1>
      <p>{t('invite.codeIntro')}</p>
      {props.problem && (
        <p class="notice error" role="alert">
          {props.problem}
        </p>
      )}
      <form method="post" action={props.action}>
        <CsrfField token={props.csrf} />
        <SelectField
          name="village"
          label={t('invite.village')}
          values={props.values}
          options={props.villages.map((v) => ({ value: v.slug, label: v.name }))}
        />
        <TextField
          name="code"
          label={t('invite.code')}
          values={props.values}
          autocomplete="one-time-code"
          placeholder="K7QM8-XRT2P"
          required
        />
        <button type="submit" class="button primary">
          {t('invite.open')}
        </button>
      </form>
    </section>
  );
}
