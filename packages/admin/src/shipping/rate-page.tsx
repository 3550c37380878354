import type { ShippingRateView, ShippingZoneView } from '@aldea/core';
import { CsrfField, FormProblem, type FormValues, TextField } from '../ui/fields.js';
import type { FailedForm, ShippingPageProps } from './zones-page.js';

/** A new rate of a zone, or one to edit: band, price in the shop's currency, days, free threshold. */
export function RatePage(
  p: ShippingPageProps & {
    zone: ShippingZoneView;
    /** The rate being edited; absent for a new one. */
    rate?: ShippingRateView;
    values: FormValues;
    failed?: FailedForm;
  },
) {
  const { t, links, shopId, zone } = p;
  const values = p.failed?.values ?? p.values;
  const errors = p.failed?.errors;
  const field = { values, errors };
  const action = p.rate ? `/shipping/rates/${p.rate.id}` : `/shipping/zones/${zone.id}/rates`;
  return (
    <>
      <p>
        <a href={links.shop(shopId, `/shipping/zones/${zone.id}`)}>← {zone.name}</a>
      </p>
      <h1>{p.rate ? values.name || t('shipping.rates') : t('shipping.newRate')}</h1>
      <section class="card" id="rate">
        <FormProblem errors={errors} text={t('common.fixErrors')} />
        <form method="post" action={links.shop(shopId, action)}>
          <CsrfField token={p.csrf} />
          <TextField
            name="name"
            label={t('shipping.rateName')}
            hint={t('shipping.rateNameHint')}
            maxlength={120}
            required
            {...field}
          />
          <div class="pair">
            <TextField
              name="minWeightGrams"
              label={t('shipping.minWeight')}
              inputmode="numeric"
              {...field}
            />
            <TextField
              name="maxWeightGrams"
              label={t('shipping.maxWeight')}
              inputmode="numeric"
              {...field}
            />
          </div>
          <p class="hint">{t('shipping.maxWeightHint')}</p>
          <TextField
            name="price"
            label={t('shipping.price', { currency: p.currency })}
            inputmode="decimal"
            required
            {...field}
          />
          <div class="pair">
            <TextField
              name="deliveryDaysMin"
              label={t('shipping.daysMin')}
              inputmode="numeric"
              required
              {...field}
            />
            <TextField
              name="deliveryDaysMax"
              label={t('shipping.daysMax')}
              inputmode="numeric"
              required
              {...field}
            />
          </div>
          <TextField
            name="freeOver"
            label={t('shipping.freeOver', { currency: p.currency })}
            hint={t('shipping.freeOverHint')}
            inputmode="decimal"
            {...field}
          />
          <button type="submit" class="primary">
            {p.rate ? t('shipping.saveRate') : t('shipping.addRate')}
          </button>
        </form>
      </section>
      {p.rate && (
        <section class="card" id="delete-rate">
          <form method="post" action={links.shop(shopId, `/shipping/rates/${p.rate.id}/delete`)}>
            <CsrfField token={p.csrf} />
            <button type="submit" class="danger">
              {t('shipping.deleteRate')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
