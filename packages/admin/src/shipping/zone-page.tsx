import type { ShippingZoneView } from '@aldea/core';
import { CsrfField, FormProblem } from '../ui/fields.js';
import { zoneValues } from './shipping-forms.js';
import {
  countriesText,
  type FailedForm,
  rateSummary,
  type ShippingPageProps,
  taxText,
  ZoneFields,
} from './zones-page.js';

/** One zone: edit its name, countries and tax; its rates (each opens its own page); delete it. */
export function ZonePage(p: ShippingPageProps & { zone: ShippingZoneView; failed?: FailedForm }) {
  const { t, links, shopId, zone } = p;
  const base = `/shipping/zones/${zone.id}`;
  return (
    <>
      <p>
        <a href={links.shop(shopId, '/shipping')}>{t('shipping.back')}</a>
      </p>
      <h1>{zone.name}</h1>
      <p class="small">{countriesText(p, zone.countries)}</p>
      <p class="small muted">{taxText(p, zone)}</p>
      <section class="card" id="rates">
        <h2>{t('shipping.rates')}</h2>
        {zone.rates.length === 0 ? (
          <p>{t('shipping.noRates')}</p>
        ) : (
          <ul class="list">
            {zone.rates.map((r) => {
              const names = r.name as Record<string, string | undefined>;
              const name = names[p.locale] ?? Object.values(names).find(Boolean) ?? '';
              return (
                <li>
                  <a class="row-link" href={links.shop(shopId, `/shipping/rates/${r.id}`)}>
                    <span>
                      <strong>{name}</strong>
                      <br />
                      <span class="small">{rateSummary(p, r)}</span>
                    </span>
                    <span aria-hidden="true">›</span>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <a class="button primary" href={links.shop(shopId, `${base}/rates/new`)}>
            {t('shipping.newRate')}
          </a>
        </p>
      </section>
      <section class="card" id="zone">
        <h2>{t('shipping.zone')}</h2>
        <FormProblem errors={p.failed?.errors} text={t('common.fixErrors')} />
        <form method="post" action={links.shop(shopId, base)}>
          <CsrfField token={p.csrf} />
          <ZoneFields
            {...p}
            values={p.failed?.values ?? zoneValues(zone)}
            errors={p.failed?.errors}
          />
          <button type="submit">{t('shipping.saveZone')}</button>
        </form>
      </section>
      <section class="card" id="delete-zone">
        <details>
          <summary>{t('shipping.deleteZone')}</summary>
          <p class="hint">{t('shipping.deleteZoneHint')}</p>
          <form method="post" action={links.shop(shopId, `${base}/delete`)}>
            <CsrfField token={p.csrf} />
            <button type="submit" class="danger">
              {t('shipping.deleteZone')}
            </button>
          </form>
        </details>
      </section>
    </>
  );
}
