import type { LatestRate, Locale, Translate } from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField, FormProblem, type FormValues, TextField } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';

const HOUR = 3_600_000;

function age(t: Translate<MessageKey>, ms: number): string {
  return ms < 48 * HOUR
    ? t('fx.hours', { count: Math.max(0, Math.floor(ms / HOUR)) })
    : t('fx.days', { count: Math.floor(ms / (24 * HOUR)) });
}

const FRESHNESS = { fresh: 'fx.fresh', stale: 'fx.stale', too_old: 'fx.expired' } as const;

/** The newest rate of every pair with its age, and the two ways to set rates. */
export function FxPage(p: {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  locale: Locale;
  rates: LatestRate[];
  values?: FormValues;
  errors?: FieldErrors;
  imported?: string;
}) {
  const { t, links, csrf, values, errors } = p;
  return (
    <>
      <h1>{t('fx.title')}</h1>
      {p.imported && (
        <p class="notice ok" role="status">
          {p.imported}
        </p>
      )}
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      {p.rates.length === 0 ? (
        <p class="card">{t('fx.none')}</p>
      ) : (
        <section class="table-scroll" aria-label={t('fx.title')} tabindex={0}>
          <table class="rates">
            <thead>
              <tr>
                <th scope="col">{t('fx.pair')}</th>
                <th scope="col">{t('fx.rate')}</th>
                <th scope="col">{t('fx.source')}</th>
                <th scope="col">{t('fx.asOf')}</th>
                <th scope="col">{t('fx.age')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rates.map((r) => (
                <tr class={r.freshness}>
                  <th scope="row">
                    {r.base}→{r.quote}
                  </th>
                  <td class="amount">{r.rate}</td>
                  <td>{r.source}</td>
                  <td class="small">{formatDateTime(p.locale, r.asOf)}</td>
                  <td class="small">
                    {age(t, r.ageMs)} ·{' '}
                    <span class={`badge ${r.freshness}`}>{t(FRESHNESS[r.freshness])}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section class="card">
        <h2>{t('fx.importTitle')}</h2>
        <p class="hint">{t('fx.importHint')}</p>
        <form method="post" action={links.operator('/fx/import')} enctype="multipart/form-data">
          <CsrfField token={csrf} />
          <div class={`field${errors?.file ? ' has-error' : ''}`}>
            <label for="fx-file">{t('fx.file')}</label>
            <input id="fx-file" type="file" name="file" accept=".xml,text/xml,application/xml" />
            {errors?.file && <p class="error">{errors.file}</p>}
          </div>
          <button type="submit" class="primary">
            {t('fx.import')}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{t('fx.manualTitle')}</h2>
        <form method="post" action={links.operator('/fx/manual')} novalidate>
          <CsrfField token={csrf} />
          <div class="pair">
            <TextField
              name="base"
              label={t('fx.base')}
              values={values}
              errors={errors}
              maxlength={3}
            />
            <TextField
              name="quote"
              label={t('fx.quote')}
              values={values}
              errors={errors}
              maxlength={3}
            />
          </div>
          <TextField
            name="rate"
            label={t('fx.rate')}
            inputmode="decimal"
            values={values}
            errors={errors}
          />
          <button type="submit">{t('fx.set')}</button>
        </form>
      </section>
    </>
  );
}
