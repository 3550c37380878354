import {
  countryName,
  formatMoney,
  type Locale,
  type ShippingRateView,
  type ShippingZoneView,
  type Translate,
} from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CheckboxField, CsrfField, FormProblem, type FormValues, TextField } from '../ui/fields.js';

/** What the shipping pages share. */
export interface ShippingPageProps {
  t: Translate<MessageKey>;
  locale: Locale;
  links: Links;
  csrf: string;
  shopId: string;
  /** The shop's base currency: rates are priced in it. */
  currency: string;
}

/** A failed form: the input to show again and the errors by field. */
export interface FailedForm {
  values: FormValues;
  errors: FieldErrors;
}

/** The countries of a zone by name, in the reader's language. */
export function countriesText(p: Pick<ShippingPageProps, 't' | 'locale'>, countries: string[]) {
  return countries
    .map((c) => (c === '*' ? p.t('shipping.everywhere') : countryName(c, p.locale)))
    .join(', ');
}

/** A tax rate in the reader's locale and whether prices include it. */
export function taxText(p: Pick<ShippingPageProps, 't' | 'locale'>, zone: ShippingZoneView) {
  if (zone.taxRateBps === 0) return p.t('shipping.taxNone');
  const rate = new Intl.NumberFormat(p.locale, {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(zone.taxRateBps / 10_000);
  return zone.taxInclusive
    ? p.t('shipping.taxIncluded', { rate })
    : p.t('shipping.taxAdded', { rate });
}

/** One rate in a line: weight band · price · days · free threshold. */
export function rateSummary(p: Pick<ShippingPageProps, 't' | 'locale'>, r: ShippingRateView) {
  const band =
    r.maxWeightGrams === null
      ? p.t('shipping.bandOpen', { min: r.minWeightGrams })
      : p.t('shipping.band', { min: r.minWeightGrams, max: r.maxWeightGrams });
  const price = formatMoney({ amountMinor: r.amountMinor, currency: r.currency }, p.locale);
  const days = p.t('shipping.days', { min: r.deliveryDaysMin, max: r.deliveryDaysMax });
  const free =
    r.freeOverMinor === null
      ? ''
      : ` · ${p.t('shipping.freeOverText', {
          amount: formatMoney({ amountMinor: r.freeOverMinor, currency: r.currency }, p.locale),
        })}`;
  return `${band} · ${price} · ${days}${free}`;
}

/** The zone's fields (name, countries, tax), fresh or as the seller typed them. */
export function ZoneFields(p: ShippingPageProps & { values: FormValues; errors?: FieldErrors }) {
  const { t } = p;
  return (
    <>
      <TextField
        name="name"
        label={t('shipping.zoneName')}
        hint={t('shipping.zoneNameHint')}
        values={p.values}
        errors={p.errors}
        maxlength={80}
        required
      />
      <TextField
        name="countries"
        label={t('shipping.countries')}
        hint={t('shipping.countriesHint')}
        values={p.values}
        errors={p.errors}
        autocomplete="off"
        required
      />
      <TextField
        name="taxRate"
        label={t('shipping.taxRate')}
        hint={t('shipping.taxRateHint')}
        inputmode="decimal"
        values={p.values}
        errors={p.errors}
        maxlength={6}
      />
      <CheckboxField
        name="taxInclusive"
        label={t('shipping.taxInclusive')}
        checked={Boolean(p.values.taxInclusive)}
      />
    </>
  );
}

/** Every zone with its countries, tax and rates, and the form to add one. */
export function ZonesPage(
  p: ShippingPageProps & { zones: ShippingZoneView[]; failed?: FailedForm },
) {
  const { t, links, shopId } = p;
  return (
    <>
      <h1>{t('shipping.title')}</h1>
      <p class="hint">{t('shipping.intro', { currency: p.currency })}</p>
      {p.zones.length === 0 && <p class="notice error">{t('shipping.noZones')}</p>}
      <ul class="list">
        {p.zones.map((z) => (
          <li>
            <p>
              <strong>{z.name}</strong>
            </p>
            <p class="small">{countriesText(p, z.countries)}</p>
            <p class="small muted">{taxText(p, z)}</p>
            {z.rates.length === 0 ? (
              <p class="small">{t('shipping.noRates')}</p>
            ) : (
              <ul class="small">
                {z.rates.map((r) => (
                  <li>{rateSummary(p, r)}</li>
                ))}
              </ul>
            )}
            <p>
              <a href={links.shop(shopId, `/shipping/zones/${z.id}`)}>{t('shipping.editZone')}</a>
            </p>
          </li>
        ))}
      </ul>
      <section class="card" id="new-zone">
        <h2>{t('shipping.newZone')}</h2>
        <FormProblem errors={p.failed?.errors} text={t('common.fixErrors')} />
        <form method="post" action={links.shop(shopId, '/shipping/zones')}>
          <CsrfField token={p.csrf} />
          <ZoneFields {...p} values={p.failed?.values ?? {}} errors={p.failed?.errors} />
          <button type="submit" class="primary">
            {t('shipping.addZone')}
          </button>
        </form>
      </section>
    </>
  );
}
