import {
  type ConvertedAmountView,
  formatMoney,
  type ImportReport,
  ONBOARDING_STEPS,
  type OnboardingStep,
  type PreOnlinePriceView,
  type ShopProgress,
  type Translate,
} from '@aldea/core';
import type { FieldErrors } from '../../http/field-errors.js';
import { CsrfField, FormProblem, type FormValues, TextField } from '../../ui/fields.js';
import type { OnboardingMessageKey } from '../messages/index.js';
import { ImportModeButtons, ImportResult } from '../trainer/tables.js';

type T = Translate<OnboardingMessageKey>;

/** The seller's checklist, their next step first, and what the template left them to confirm. */
export function GettingStartedPage(props: {
  t: T;
  locale: string;
  styles: string;
  csrf: string;
  helping: boolean;
  canWrite: boolean;
  progress: ShopProgress;
  stepHref: (step: OnboardingStep) => string;
  conversions: ConvertedAmountView[];
  before: PreOnlinePriceView | undefined;
  baseCurrency: string;
  links: { confirm: string; before: string; import: string };
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t, progress: p } = props;
  const money = (amountMinor: number, currency: string) =>
    formatMoney({ amountMinor, currency }, props.locale);
  const first = props.conversions[0];
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      <h1>{t('onboarding.title')}</h1>
      {props.helping && <p class="notice">{t('onboarding.helping')}</p>}
      <section class="card onb-next">
        <h2>{t('onboarding.next')}</h2>
        {p.next ? (
          <p>
            <strong>{t(`step.${p.next}`)}</strong> — {t(`stepHelp.${p.next}`)}{' '}
            <a class="button primary" href={props.stepHref(p.next)}>
              {t('stepHelp.go')}
            </a>
          </p>
        ) : (
          <p>{t('onboarding.allDone')}</p>
        )}
      </section>
      <section class="card">
        <p class="muted">
          {t('onboarding.steps', { done: p.doneCount, total: ONBOARDING_STEPS.length })}
        </p>
        <ol class="onb-steps">
          {ONBOARDING_STEPS.map((s) => (
            <li
              class={p.done[s] ? 'done' : s === p.next ? 'next' : ''}
              data-step={s}
              data-done={p.done[s] ? 'yes' : 'no'}
            >
              <span class="mark" aria-hidden="true">
                {p.done[s] ? '✓' : s === p.next ? '→' : '·'}
              </span>
              <a href={props.stepHref(s)}>{t(`step.${s}`)}</a>
            </li>
          ))}
        </ol>
        {props.canWrite && (
          <p>
            <a href={props.links.import}>{t('onboarding.import')}</a>
          </p>
        )}
      </section>
      {first && (
        <section class="card" id="prices">
          <h2>{t('onboarding.confirmTitle')}</h2>
          <p class="hint">
            {t('onboarding.confirmHint', {
              from: first.fromCurrency,
              rate: `1 ${first.fromCurrency} = ${first.rate} ${first.currency}`,
            })}
          </p>
          <table>
            <tbody>
              {props.conversions.map((c) => (
                <tr>
                  <td>{c.label}</td>
                  <td class="amount">{money(c.fromAmountMinor, c.fromCurrency)}</td>
                  <td class="amount">
                    <strong>{money(c.amountMinor, c.currency)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {props.canWrite && (
            <form method="post" action={props.links.confirm}>
              <CsrfField token={props.csrf} />
              <button type="submit" class="button primary">
                {t('onboarding.confirm')}
              </button>
            </form>
          )}
        </section>
      )}
      {props.canWrite && (
        <section class="card">
          <h2>{t('onboarding.before')}</h2>
          <p class="hint">{t('onboarding.beforeHint')}</p>
          {props.before && (
            <p>
              {t('onboarding.beforeNow', {
                amount: money(props.before.amountMinor, props.before.currency),
              })}
            </p>
          )}
          <FormProblem errors={props.errors} text={t('common.fix')} />
          <form method="post" action={props.links.before}>
            <CsrfField token={props.csrf} />
            <TextField
              name="price"
              inputmode="decimal"
              label={t('onboarding.beforePrice')}
              values={props.values}
              errors={props.errors}
              required
            />
            <TextField
              name="currency"
              label={t('onboarding.beforeCurrency')}
              value={props.before?.currency ?? props.baseCurrency}
              values={props.values}
              errors={props.errors}
              maxlength={3}
            />
            <TextField
              name="note"
              label={t('onboarding.beforeNote')}
              value={props.before?.note}
              values={props.values}
              errors={props.errors}
            />
            <button type="submit" class="button">
              {t('common.save')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}

/** The product import form, and what the last check or import found. */
export function ProductImportPage(props: {
  t: T;
  locale: string;
  styles: string;
  csrf: string;
  currency: string;
  action: string;
  back: string;
  report?: ImportReport;
  error?: string;
}) {
  const { t } = props;
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      <p class="small">
        <a href={props.back}>← {t('onboarding.title')}</a>
      </p>
      <h1>{t('productImport.title')}</h1>
      {props.report && <ImportResult t={t} locale={props.locale} report={props.report} />}
      <section class="card">
        <p class="hint">{t('productImport.hint', { currency: props.currency })}</p>
        {props.error && (
          <p class="notice error" role="alert">
            {props.error}
          </p>
        )}
        <form method="post" action={props.action} enctype="multipart/form-data">
          <CsrfField token={props.csrf} />
          <div class="field">
            <label for="f-file">{t('productImport.file')}</label>
            <input id="f-file" type="file" name="file" accept=".csv,text/csv" required />
          </div>
          <div class="field">
            <label for="f-photos">{t('productImport.zip')}</label>
            <input id="f-photos" type="file" name="photos" accept=".zip,application/zip" />
          </div>
          <ImportModeButtons t={t} />
        </form>
      </section>
    </>
  );
}
