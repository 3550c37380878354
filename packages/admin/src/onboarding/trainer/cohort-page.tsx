import type {
  CohortView,
  ImportReport,
  InvitationView,
  SellerProgressRow,
  ShopTemplateView,
  Translate,
} from '@aldea/core';
import type { FieldErrors } from '../../http/field-errors.js';
import {
  CsrfField,
  FormProblem,
  type FormValues,
  SelectField,
  TextField,
} from '../../ui/fields.js';
import type { OnboardingMessageKey } from '../messages/index.js';
import { ImportModeButtons, ImportResult, InvitationsTable, ProgressTable } from './tables.js';

type T = Translate<OnboardingMessageKey>;

/** A cohort: its sellers' progress, invitations, and the ways to invite more. */
export function CohortPage(props: {
  t: T;
  locale: string;
  styles: string;
  csrf: string;
  cohort: CohortView;
  villageName: string;
  rows: SellerProgressRow[];
  stuckOnly: boolean;
  invitations: InvitationView[];
  templates: ShopTemplateView[];
  report?: ImportReport;
  values?: FormValues;
  errors?: FieldErrors;
  links: {
    self: string;
    village: string;
    invite: string;
    import: string;
    print: string;
    revoke: (id: string) => string;
    help: (shopId: string) => string;
    saveTemplate: (shopId: string) => string;
  };
}) {
  const { t, links } = props;
  const templates = [
    { value: '', label: t('cohort.noTemplate') },
    ...props.templates.map((x) => ({ value: x.id, label: `${x.name} (${x.baseCurrency})` })),
  ];
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      <p class="small">
        <a href={links.village}>← {props.villageName}</a>
      </p>
      <h1>{t('cohort.title', { name: props.cohort.name })}</h1>
      {props.report && <ImportResult t={t} locale={props.locale} report={props.report} />}
      <section class="card">
        <h2>{t('cohort.progress')}</h2>
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
        <h2>{t('cohort.import')}</h2>
        <p class="hint">{t('cohort.importHint')}</p>
        <form method="post" action={links.import} enctype="multipart/form-data">
          <CsrfField token={props.csrf} />
          <div class="field">
            <label for="f-file">{t('cohort.file')}</label>
            <input id="f-file" type="file" name="file" accept=".csv,text/csv" required />
          </div>
          <SelectField
            name="delivery"
            label={t('cohort.channel')}
            values={props.values}
            options={[
              { value: 'auto', label: t('cohort.channel.auto') },
              { value: 'print', label: t('cohort.channel.print') },
            ]}
          />
          <SelectField
            name="templateId"
            label={t('cohort.template')}
            values={props.values}
            options={templates}
          />
          <ImportModeButtons t={t} />
        </form>
      </section>
      <section class="card">
        <h2>{t('cohort.invite')}</h2>
        <p class="hint">{t('cohort.inviteHint')}</p>
        <FormProblem errors={props.errors} text={t('common.fix')} />
        <form method="post" action={links.invite}>
          <CsrfField token={props.csrf} />
          <TextField
            name="name"
            label={t('cohort.name')}
            values={props.values}
            errors={props.errors}
          />
          <TextField
            name="phone"
            type="tel"
            label={t('cohort.phone')}
            values={props.values}
            errors={props.errors}
          />
          <TextField
            name="email"
            type="email"
            label={t('cohort.email')}
            values={props.values}
            errors={props.errors}
          />
          <TextField
            name="shopName"
            label={t('cohort.shopName')}
            values={props.values}
            errors={props.errors}
          />
          <SelectField
            name="channel"
            label={t('cohort.channel')}
            values={props.values}
            options={[
              { value: '', label: t('cohort.channel.auto') },
              { value: 'print', label: t('cohort.channel.print') },
            ]}
          />
          <SelectField
            name="templateId"
            label={t('cohort.template')}
            values={props.values}
            options={templates}
          />
          <button type="submit" class="button primary">
            {t('cohort.invite')}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{t('cohort.invitations')}</h2>
        <form method="post" action={links.print} class="no-print">
          <CsrfField token={props.csrf} />
          <button type="submit" class="button">
            {t('cohort.print')}
          </button>
          <span class="hint"> {t('cohort.printHint')}</span>
        </form>
        <InvitationsTable
          t={t}
          locale={props.locale}
          items={props.invitations}
          csrf={props.csrf}
          revokeHref={links.revoke}
        />
      </section>
    </>
  );
}
