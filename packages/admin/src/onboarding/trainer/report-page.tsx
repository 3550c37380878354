import { type CohortView, formatMoney, type ImpactReport, type Translate } from '@aldea/core';
import type { OnboardingMessageKey } from '../messages/index.js';
import { BarChart, ColumnChart } from './charts.js';

type T = Translate<OnboardingMessageKey>;

const REPORT_CURRENCIES = ['USD', 'EUR', 'MXN', 'CNY', 'JPY', 'GBP'];

/** The impact report of a village or cohort: numbers, two SVG charts, the table, a CSV link. */
export function ReportPage(props: {
  t: T;
  locale: string;
  styles: string;
  report: ImpactReport;
  cohorts: CohortView[];
  cohortId: string | undefined;
  links: { self: string; csv: string; village: string };
}) {
  const { t, report: r } = props;
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined
      ? '—'
      : formatMoney({ amountMinor: minor, currency: r.currency }, props.locale);
  const date = (d: Date | null) =>
    d
      ? new Intl.DateTimeFormat(props.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
      : '—';
  const uplift = (u: ImpactReport['totals']['uplift']) =>
    u
      ? t('report.upliftValue', {
          before: money(u.beforeMinor),
          online: money(u.onlineMinor),
          percent: `${u.percent > 0 ? '+' : ''}${u.percent}%`,
        })
      : '—';
  const shops = r.shops.filter((s) => s.salesMinor > 0).slice(0, 12);
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      <p class="small no-print">
        <a href={props.links.village}>← {t('common.back')}</a>
      </p>
      <h1>{t('report.title', { name: r.scope.name })}</h1>
      <form method="get" action={props.links.self} class="no-print">
        <div class="pair">
          <div class="field">
            <label for="f-currency">{t('report.currency')}</label>
            <select id="f-currency" name="currency">
              {[...new Set([r.currency, ...REPORT_CURRENCIES])].map((c) => (
                <option value={c} selected={c === r.currency}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-cohort">{t('report.scope')}</label>
            <select id="f-cohort" name="cohort">
              <option value="">{t('report.wholeVillage')}</option>
              {props.cohorts.map((c) => (
                <option value={c.id} selected={c.id === props.cohortId}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" class="button">
          {t('report.show')}
        </button>{' '}
        <a class="button" href={props.links.csv}>
          {t('report.csv')}
        </a>
      </form>
      <ul class="stats">
        <li>
          {t('report.shopsLive')}
          <strong>
            {r.totals.shopsLive}/{r.totals.shops}
          </strong>
        </li>
        <li>
          {t('report.products')}
          <strong>{r.totals.productsListed}</strong>
        </li>
        <li>
          {t('report.orders')}
          <strong>{r.totals.orders}</strong>
        </li>
        <li>
          {t('report.sales')}
          <strong data-sales={r.totals.salesMinor}>{money(r.totals.salesMinor)}</strong>
        </li>
        <li>
          {t('report.aov')}
          <strong>{money(r.totals.averageOrderMinor)}</strong>
        </li>
        <li>
          {t('report.firstSale')}
          <strong>{date(r.totals.firstSaleAt)}</strong>
        </li>
        <li>
          {t('report.uplift')}
          <strong>{uplift(r.totals.uplift)}</strong>
        </li>
      </ul>
      {r.totals.unconverted > 0 && (
        <p class="notice">
          {t('report.unconverted', { count: r.totals.unconverted, currency: r.currency })}
        </p>
      )}
      {shops.length === 0 ? (
        <p class="muted">{t('report.noSales')}</p>
      ) : (
        <>
          <h2>{t('report.salesByShop')}</h2>
          <BarChart
            title={t('report.salesByShop')}
            data={shops.map((s) => ({
              label: s.name,
              value: s.salesMinor,
              text: money(s.salesMinor),
            }))}
          />
          <h2>{t('report.salesByMonth')}</h2>
          <ColumnChart
            title={t('report.salesByMonth')}
            data={r.months
              .slice(-12)
              .map((m) => ({ label: m.month, value: m.salesMinor, text: money(m.salesMinor) }))}
          />
        </>
      )}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('report.shop')}</th>
              <th scope="col">{t('report.products')}</th>
              <th scope="col">{t('report.orders')}</th>
              <th scope="col">{t('report.sales')}</th>
              <th scope="col">{t('report.aov')}</th>
              <th scope="col">{t('report.firstSale')}</th>
              <th scope="col">{t('report.uplift')}</th>
            </tr>
          </thead>
          <tbody>
            {r.shops.map((s) => (
              <tr>
                <td>{s.name}</td>
                <td>{s.productsListed}</td>
                <td>{s.orders}</td>
                <td class="amount">{money(s.salesMinor)}</td>
                <td class="amount">{money(s.averageOrderMinor)}</td>
                <td>{date(s.firstSaleAt)}</td>
                <td>{uplift(s.uplift)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
