import {
  LOCALES,
  type Locale,
  type OperatorShopRow,
  type Translate,
  type VillageView,
} from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField, FormProblem, type FormValues, SelectField, TextField } from '../ui/fields.js';
import { formatDate } from '../ui/format.js';

interface Common {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  locale: Locale;
  values?: FormValues;
  errors?: FieldErrors;
}

const localeOptions = (t: Translate<MessageKey>) =>
  LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }));

/** Every village, and a form to add one. */
export function VillagesPage(p: Common & { villages: VillageView[] }) {
  const { t, links, values, errors } = p;
  return (
    <>
      <h1>{t('operator.villages')}</h1>
      <ul class="list">
        {p.villages.map((v) => (
          <li>
            <a href={`${links.operator('/shops')}?village=${v.id}`} class="row-link">
              <strong>{v.name}</strong>
              <span class="muted">
                {v.country} · {v.defaultCurrency} · {v.defaultLocale}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <section class="card">
        <h2>{t('operator.newVillage')}</h2>
        <FormProblem errors={errors} text={t('common.fixErrors')} />
        <form method="post" action={links.operator('/villages')} novalidate>
          <CsrfField token={p.csrf} />
          <TextField
            name="name"
            label={t('operator.villageName')}
            values={values}
            errors={errors}
          />
          <TextField name="region" label={t('operator.region')} values={values} errors={errors} />
          <TextField name="slug" label={t('operator.slug')} values={values} errors={errors} />
          <TextField
            name="country"
            label={t('operator.country')}
            values={values}
            errors={errors}
            maxlength={2}
          />
          <SelectField
            name="defaultLocale"
            label={t('operator.defaultLocale')}
            options={localeOptions(t)}
            values={values}
            errors={errors}
          />
          <TextField
            name="defaultCurrency"
            label={t('operator.defaultCurrency')}
            values={values}
            errors={errors}
            maxlength={3}
          />
          <button type="submit" class="primary">
            {t('common.create')}
          </button>
        </form>
      </section>
    </>
  );
}

/** Every shop (filtered by village), and a form to add one. */
export function ShopsPage(
  p: Common & {
    villages: VillageView[];
    villageId: string | undefined;
    shops: OperatorShopRow[];
    nextHref: string | null;
  },
) {
  const { t, links, values, errors } = p;
  return (
    <>
      <h1>{t('operator.shops')}</h1>
      <form method="get" action={links.operator('/shops')} class="inline">
        <SelectField
          name="village"
          label={t('operator.village')}
          value={p.villageId ?? ''}
          options={[
            { value: '', label: '—' },
            ...p.villages.map((v) => ({ value: v.id, label: v.name })),
          ]}
        />
        <button type="submit">{t('operator.filter')}</button>
      </form>
      <ul class="list">
        {p.shops.map((s) => (
          <li>
            <a href={links.shop(s.id)} class="row-link">
              <strong>{s.name}</strong>
              <span class={`badge ${s.status}`}>{t(`status.${s.status}`)}</span>
            </a>
            <span class="muted small">
              {s.villageSlug} · {s.baseCurrency} · {formatDate(p.locale, s.createdAt)} ·{' '}
              {t('operator.owners')}: {s.owners.map((o) => o.name).join(', ') || '—'} ·{' '}
              <code>{s.id}</code>
            </span>
          </li>
        ))}
      </ul>
      {p.nextHref && (
        <p>
          <a href={p.nextHref}>{t('common.next')}</a>
        </p>
      )}
      <section class="card">
        <h2>{t('operator.newShop')}</h2>
        <FormProblem errors={errors} text={t('common.fixErrors')} />
        <form method="post" action={links.operator('/shops')} novalidate>
          <CsrfField token={p.csrf} />
          <SelectField
            name="villageId"
            label={t('operator.village')}
            value={p.villageId}
            options={p.villages.map((v) => ({ value: v.id, label: v.name }))}
            values={values}
            errors={errors}
          />
          <TextField name="name" label={t('operator.shopName')} values={values} errors={errors} />
          <TextField name="slug" label={t('operator.slug')} values={values} errors={errors} />
          <TextField
            name="baseCurrency"
            label={t('operator.baseCurrency')}
            values={values}
            errors={errors}
            maxlength={3}
          />
          <SelectField
            name="defaultLocale"
            label={t('operator.defaultLocale')}
            options={localeOptions(t)}
            values={values}
            errors={errors}
          />
          <TextField
            name="ownerUserId"
            label={t('operator.owner')}
            values={values}
            errors={errors}
          />
          <button type="submit" class="primary">
            {t('common.create')}
          </button>
        </form>
      </section>
    </>
  );
}
