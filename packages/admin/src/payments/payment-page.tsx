import { type Locale, MANUAL_METHODS, type PaymentSettings, type Translate } from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import {
  CheckboxField,
  CsrfField,
  FormProblem,
  type FormValues,
  TextArea,
  TextField,
} from '../ui/fields.js';
import { instructionsField, paymentValues } from './payment-form.js';

/** Which of the page's two forms failed, with the input to show again. */
export interface FailedPaymentForm {
  form: 'methods' | 'stripe';
  values: FormValues;
  /** The boxes that were ticked. */
  ticked: string[];
  errors: FieldErrors;
}

export interface PaymentPageProps {
  t: Translate<MessageKey>;
  locale: Locale;
  links: Links;
  csrf: string;
  shopId: string;
  settings: PaymentSettings;
  /** The shop's languages; instructions are written in one at a time. */
  locales: string[];
  /** The language whose instructions the form edits. */
  textLocale: string;
  /** Whether the platform runs a card provider at all. */
  cardOffered: boolean;
  /** Whether this person may set the connected account (`payouts.manage`). */
  canManagePayouts: boolean;
  failed?: FailedPaymentForm;
}

function Methods(p: PaymentPageProps) {
  const { t, links, shopId, settings } = p;
  const failed = p.failed?.form === 'methods' ? p.failed : undefined;
  const values = failed?.values ?? paymentValues(settings, p.textLocale);
  const ticked = failed
    ? new Set(failed.ticked)
    : new Set<string>([...settings.manualMethods, ...(settings.cardEnabled ? ['card'] : [])]);
  const errors = failed?.errors;
  const language = t(`lang.${p.textLocale as Locale}`);
  return (
    <section class="card" id="methods">
      <h2>{t('payments.methods')}</h2>
      <p class="hint">{t('payments.methodsHint')}</p>
      <nav class="pills" aria-label={t('lang.label')}>
        {p.locales.map((l) => (
          <a
            href={`${links.shop(shopId, '/payments')}?locale=${l}#methods`}
            aria-current={l === p.textLocale ? 'true' : undefined}
            lang={l}
          >
            {t(`lang.${l as Locale}`)}
          </a>
        ))}
      </nav>
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      <form method="post" action={links.shop(shopId, '/payments')}>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="locale" value={p.textLocale} />
        <fieldset>
          <legend class="visually-hidden">{t('payments.methods')}</legend>
          {errors?.methods && (
            <p class="error" role="alert">
              {errors.methods}
            </p>
          )}
          {MANUAL_METHODS.map((m) => (
            <CheckboxField
              name="methods"
              value={m}
              label={t(`orders.method.${m}`)}
              checked={ticked.has(m)}
            />
          ))}
          {p.cardOffered ? (
            <CheckboxField
              name="methods"
              value="card"
              label={t('payments.card')}
              checked={ticked.has('card')}
            />
          ) : (
            <p class="hint">{t('payments.cardUnavailable')}</p>
          )}
        </fieldset>
        {MANUAL_METHODS.map((m) => (
          <TextArea
            name={instructionsField(m)}
            label={`${t(`orders.method.${m}`)} · ${t('payments.instructions', { language })}`}
            hint={t(`payments.instructionsHint.${m}`)}
            values={values}
            errors={errors}
            maxlength={2000}
            rows={3}
          />
        ))}
        <TextField
          name="holdDays"
          label={t('payments.holdDays')}
          hint={t('payments.holdDaysHint')}
          inputmode="numeric"
          values={values}
          errors={errors}
          maxlength={2}
        />
        <TextField
          name="notifyEmail"
          type="email"
          label={t('payments.notifyEmail')}
          hint={t('payments.notifyEmailHint')}
          autocomplete="email"
          values={values}
          errors={errors}
          maxlength={254}
        />
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function Stripe(p: PaymentPageProps) {
  const { t, settings } = p;
  if (!p.canManagePayouts) return null;
  const failed = p.failed?.form === 'stripe' ? p.failed : undefined;
  const rate = new Intl.NumberFormat(p.locale, { style: 'percent', maximumFractionDigits: 2 });
  return (
    <section class="card" id="stripe">
      <h2>{t('payments.stripe')}</h2>
      <p class="hint">{t('payments.stripeHint')}</p>
      <p>
        {settings.stripeAccountId
          ? t('payments.stripeNow', { account: settings.stripeAccountId })
          : t('payments.stripeNone')}
      </p>
      {settings.platformFeeBps > 0 && (
        <p class="muted">
          {t('payments.platformFee', { rate: rate.format(settings.platformFeeBps / 10_000) })}
        </p>
      )}
      <FormProblem errors={failed?.errors} text={t('common.fixErrors')} />
      <form method="post" action={p.links.shop(p.shopId, '/payments/stripe')}>
        <CsrfField token={p.csrf} />
        <TextField
          name="stripeAccountId"
          label={t('payments.stripeAccount')}
          value={settings.stripeAccountId ?? ''}
          values={failed?.values}
          errors={failed?.errors}
          autocomplete="off"
          maxlength={80}
          placeholder="acct_…"
        />
        <button type="submit">{t('common.save')}</button>
      </form>
    </section>
  );
}

/** How the shop gets paid: the ways buyers pay with their instructions, and the owner's Stripe account. */
export function PaymentPage(p: PaymentPageProps) {
  return (
    <>
      <h1>{p.t('payments.title')}</h1>
      <Methods {...p} />
      <Stripe {...p} />
    </>
  );
}
