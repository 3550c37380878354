import {
  describeProblemWithPlace,
  type ImportReport,
  type InvitationView,
  ONBOARDING_STEPS,
  problemsCsv,
  type SellerProgressRow,
  type Translate,
} from '@aldea/core';
import { CsrfField } from '../../ui/fields.js';
import type { OnboardingMessageKey } from '../messages/index.js';

type T = Translate<OnboardingMessageKey>;

/** The trainer's table of sellers: steps done, next step, days quiet, stuck, and a way in to help. */
export function ProgressTable(props: {
  t: T;
  rows: SellerProgressRow[];
  csrf: string;
  helpHref: (shopId: string) => string;
  templateHref: (shopId: string) => string;
}) {
  const { t } = props;
  if (props.rows.length === 0) return <p class="muted">{t('cohort.noSellers')}</p>;
  const total = ONBOARDING_STEPS.length;
  return (
    <div class="table-scroll">
      <table class="progress-table">
        <thead>
          <tr>
            <th scope="col">{t('progress.seller')}</th>
            <th scope="col">{t('progress.steps')}</th>
            <th scope="col">{t('progress.next')}</th>
            <th scope="col">{t('progress.quiet')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('progress.help')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr data-shop={r.shopId}>
              <td>
                <strong>{r.shopName}</strong>
                <br />
                <span class="small muted">
                  {r.ownerName} {r.ownerContact}
                </span>
              </td>
              <td>
                <span class="meter" role="img" aria-label={`${r.doneCount}/${total}`}>
                  <span class={`w${Math.round((r.doneCount / total) * 8)}`} />
                </span>{' '}
                {r.doneCount}/{total}
              </td>
              <td>
                {r.next ? (
                  t(`step.${r.next}`)
                ) : (
                  <span class="badge complete">{t('progress.complete')}</span>
                )}
                {r.stuck && (
                  <>
                    {' '}
                    <span class="badge stuck">{t('progress.stuck')}</span>
                  </>
                )}
              </td>
              <td>{t('progress.days', { count: r.daysSinceActivity })}</td>
              <td>
                <form method="post" action={props.helpHref(r.shopId)} class="inline-form">
                  <CsrfField token={props.csrf} />
                  <button type="submit" class="link">
                    {t('progress.help')}
                  </button>
                </form>
                {r.doneCount >= 4 && (
                  <form method="post" action={props.templateHref(r.shopId)} class="inline-form">
                    <CsrfField token={props.csrf} />
                    <input type="hidden" name="name" value={r.shopName} />
                    {' · '}
                    <button type="submit" class="link">
                      {t('progress.saveTemplate')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A cohort's invitations with their status, and a revoke button on the waiting ones. */
export function InvitationsTable(props: {
  t: T;
  locale: string;
  items: InvitationView[];
  csrf: string;
  revokeHref: (id: string) => string;
}) {
  const { t } = props;
  if (props.items.length === 0) return <p class="muted">{t('common.none')}</p>;
  const date = new Intl.DateTimeFormat(props.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div class="table-scroll">
      <table>
        <tbody>
          {props.items.map((i) => (
            <tr>
              <td>
                {i.name || i.email || i.phone}
                <br />
                <span class="small muted">{i.email ?? i.phone ?? ''}</span>
              </td>
              <td>{t(`inv.channel.${i.channel}`)}</td>
              <td>
                {t(`inv.status.${i.status}`)}
                {i.status === 'pending' && (
                  <span class="small muted">
                    {' '}
                    {t('inv.expires', { date: date.format(i.expiresAt) })}
                  </span>
                )}
              </td>
              <td>
                {i.status === 'pending' && (
                  <form method="post" action={props.revokeHref(i.id)} class="inline-form">
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="link danger">
                      {t('cohort.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const SHOWN = 200;

/** The three ways to send a sheet: check it, import all or nothing, or only the good rows. */
export function ImportModeButtons(props: { t: T }) {
  const { t } = props;
  return (
    <div class="actions">
      <button type="submit" name="mode" value="dry-run" class="button">
        {t('cohort.check')}
      </button>{' '}
      <button type="submit" name="mode" value="all-or-nothing" class="button primary">
        {t('cohort.importAll')}
      </button>{' '}
      <button type="submit" name="mode" value="good-rows" class="button">
        {t('cohort.importGood')}
      </button>
    </div>
  );
}

/** What an import (or its dry run) found: the summary, then every problem by row and column. */
export function ImportResult(props: { t: T; locale: string; report: ImportReport }) {
  const { t, report: r } = props;
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  const delimiter = r.file.delimiter === '\t' ? 'tab' : (r.file.delimiter ?? ',');
  return (
    <section class="card" id="import-result">
      <p role="status" class={`notice ${r.written ? 'ok' : errors ? 'error' : ''}`}>
        {r.written
          ? t('import.written')
          : r.mode === 'dry-run'
            ? t('import.checked')
            : t('import.notWritten')}{' '}
        {t('import.summary', {
          rows: r.rows,
          created: r.created,
          updated: r.updated,
          unchanged: r.unchanged,
          skipped: r.skipped,
        })}
      </p>
      {r.file.encoding && (
        <p class="small muted">
          {t('import.file', { encoding: r.file.encoding.toUpperCase(), delimiter })}
        </p>
      )}
      {r.problems.length === 0 ? (
        <p>{t('import.noProblems')}</p>
      ) : (
        <>
          <h3>{t('import.problems', { count: r.errors + r.warnings })}</h3>
          <ul class="problems">
            {r.problems.slice(0, SHOWN).map((p) => (
              <li class={p.severity}>
                {p.severity === 'warning' && <span class="badge">{t('import.warning')}</span>}{' '}
                {describeProblemWithPlace(p, props.locale)}
              </li>
            ))}
          </ul>
          {r.errors + r.warnings > SHOWN && (
            <p class="muted">{t('import.more', { count: r.errors + r.warnings - SHOWN })}</p>
          )}
          <p>
            <a
              download="problems.csv"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(problemsCsv(r.problems, props.locale))}`}
            >
              {t('import.download')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
