import type { CohortView, SellerProgressRow, ShopTemplateView, Translate } from '@aldea/core';
import { CsrfField, TextField } from '../../ui/fields.js';
import type { OnboardingMessageKey } from '../messages/index.js';
import { ProgressTable } from './tables.js';

type T = Translate<OnboardingMessageKey>;

/** The villages a trainer works in. */
export function TrainerHomePage(props: {
  t: T;
  styles: string;
  villages: { id: string; name: string }[];
  href: (id: string) => string;
}) {
  const { t } = props;
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      <h1>{t('trainer.title')}</h1>
      {props.villages.length === 0 ? (
        <p class="card">{t('trainer.none')}</p>
      ) : (
        <ul class="list">
          {props.villages.map((v) => (
            <li>
              <a class="row-link" href={props.href(v.id)}>
                <strong>{v.name}</strong>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A village: cohorts, every seller's progress, templates, and the report. */
export function VillagePage(props: {
  t: T;
  styles: string;
  csrf: string;
  name: string;
  cohorts: CohortView[];
  templates: ShopTemplateView[];
  rows: SellerProgressRow[];
  stuckOnly: boolean;
  links: {
    self: string;
    cohort: (id: string) => string;
    newCohort: string;
    report: string;
    template: (id: string) => string;
    help: (shopId: string) => string;
    saveTemplate: (shopId: string) => string;
  };
  errors?: Record<string, string | undefined>;
}) {
  const { t, links } = props;
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      <h1>{t('village.title', { name: props.name })}</h1>
      <p>
        <a class="button" href={links.report}>
          {t('village.report')}
        </a>
      </p>
      <section class="card">
        <h2>{t('village.cohorts')}</h2>
        {props.cohorts.length === 0 ? (
          <p class="muted">{t('village.noCohorts')}</p>
        ) : (
          <ul class="list">
            {props.cohorts.map((c) => (
              <li>
                <a class="row-link" href={links.cohort(c.id)}>
                  <strong>{c.name}</strong>
                </a>
                <span class="muted">
                  {t('village.shops', { count: c.shops, pending: c.pendingInvitations })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={links.newCohort}>
          <CsrfField token={props.csrf} />
          <TextField
            name="name"
            label={t('village.cohortName')}
            hint={t('village.cohortNameHint')}
            errors={props.errors}
            required
          />
          <button type="submit" class="button">
            {t('village.newCohort')}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{t('village.sellers')}</h2>
        <p class="pills">
          <a href={links.self} aria-current={props.stuckOnly ? undefined : 'page'}>
            {t('cohort.everyone')}
          </a>
          <a href={`${links.self}?stuck=1`} aria-current={props.stuckOnly ? 'page' : undefined}>
            {t('cohort.stuckOnly')}
          </a>
        </p>
        <ProgressTable
          t={t}
          rows={props.rows}
          csrf={props.csrf}
          helpHref={links.help}
          templateHref={links.saveTemplate}
        />
      </section>
      <section class="card">
        <h2>{t('village.templates')}</h2>
        {props.templates.length === 0 ? (
          <p class="muted">{t('village.noTemplates')}</p>
        ) : (
          <ul class="list">
            {props.templates.map((tpl) => (
              <li>
                <strong>{tpl.name}</strong>{' '}
                <span class="muted">
                  {t('template.contents', {
                    collections: tpl.collections,
                    zones: tpl.shippingZones,
                    products: tpl.products,
                    currency: tpl.baseCurrency,
                  })}
                </span>{' '}
                <a href={links.template(tpl.id)}>{t('template.use')}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
