import type { PaymentChoices } from '@aldea/core';
import type { CheckoutUi } from '../ui.js';
import { Notice, Steps } from './parts.js';

/** Step 3: the payment methods on offer (and why cards are not, when they are not). */
export function PaymentPage(props: {
  ui: CheckoutUi;
  choices: PaymentChoices;
  chosen: string | null;
  error?: string | undefined;
}) {
  const { ui, choices } = props;
  const { t } = ui;
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      <Steps ui={ui} current="payment" />
      <h2>{t('payment.title')}</h2>
      {props.error && <Notice kind="bad" text={props.error} />}
      {choices.cardUnavailable && <p class="notice">{choices.cardUnavailable}</p>}
      {choices.options.length === 0 ? (
        <Notice kind="bad" text={t('payment.none')} />
      ) : (
        <form method="post" action={ui.links.shop('/checkout/payment')} class="checkout-form">
          <fieldset>
            <legend>{t('payment.title')}</legend>
            {choices.options.map((o, i) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`method-${o.method}`}
                  name="method"
                  value={o.method}
                  required
                  checked={o.method === props.chosen || (props.chosen === null && i === 0)}
                />
                <label for={`method-${o.method}`}>
                  {o.label}
                  {o.instructions && <span class="state"> {o.instructions}</span>}
                </label>
              </div>
            ))}
          </fieldset>
          <p>
            <button class="btn" type="submit">
              {t('checkout.continue')}
            </button>
          </p>
        </form>
      )}
      <p>
        <a href={ui.links.shop('/checkout/shipping')}>{t('checkout.back')}</a>
      </p>
    </>
  );
}
