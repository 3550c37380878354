import { formatMoney, type ShippingChoices } from '@aldea/core';
import { formatWeight } from '../../components/format.js';
import { type CheckoutUi, formatDay } from '../ui.js';
import { Notice, Steps } from './parts.js';

/** Step 2: the shipping options for the parcel, with delivery estimates and the duties notice. */
export function ShippingPage(props: {
  ui: CheckoutUi;
  choices: ShippingChoices;
  chosen: string | null;
  currency: string;
  error?: string | undefined;
}) {
  const { ui, choices } = props;
  const { t } = ui;
  const day = (d: Date) => formatDay(d, ui.locale);
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      <Steps ui={ui} current="shipping" />
      <h2>{t('shipping.title')}</h2>
      {props.error && <Notice kind="bad" text={props.error} />}
      <p class="note">
        {t('shipping.weight', { kg: formatWeight(choices.weightGrams, ui.locale) })}
      </p>
      {choices.dutiesNotice && <p class="notice">{choices.dutiesNotice}</p>}
      {choices.options.length === 0 ? (
        <Notice kind="bad" text={t('shipping.none')} />
      ) : (
        <form method="post" action={ui.links.shop('/checkout/shipping')} class="checkout-form">
          <fieldset>
            <legend>{t('shipping.title')}</legend>
            {choices.options.map((o, i) => {
              const id = `rate-${i}`;
              const price = o.free
                ? t('shipping.free')
                : o.amount
                  ? formatMoney(o.amount, ui.locale)
                  : t('shipping.unpriced', { currency: props.currency });
              return (
                <div class="choice">
                  <input
                    type="radio"
                    id={id}
                    name="rateId"
                    value={o.rateId}
                    required
                    disabled={!o.amount}
                    checked={
                      o.rateId === props.chosen ||
                      (props.chosen === null && i === 0 && Boolean(o.amount))
                    }
                  />
                  <label for={id}>
                    {o.name} — <span class="price">{price}</span>
                    <span class="state">
                      {' '}
                      {t('shipping.days', { min: o.deliveryDaysMin, max: o.deliveryDaysMax })}.{' '}
                      {t('shipping.estimate', {
                        shipBy: day(o.shipBy),
                        from: day(o.deliveryEarliest),
                        to: day(o.deliveryLatest),
                      })}
                    </span>
                  </label>
                </div>
              );
            })}
          </fieldset>
          <p>
            <button class="btn" type="submit">
              {t('checkout.continue')}
            </button>
          </p>
        </form>
      )}
      <p>
        <a href={ui.links.shop('/checkout/contact')}>{t('checkout.back')}</a>
      </p>
    </>
  );
}
