import { can } from '@aldea/core';
import { CsrfField, FormProblem, TextField } from '../ui/fields.js';
import { moneyText, refundableMinor } from './order-format.js';
import { failedFor, type OrderForm, type OrderPageProps, orderAction } from './order-props.js';

function Problem(p: OrderPageProps & { form: OrderForm }) {
  const failed = failedFor(p, p.form);
  if (!failed) return null;
  return <FormProblem errors={failed.errors} text={p.t('common.fixErrors')} />;
}

/** Carrier and tracking for a paid order (`orders.manage`). */
export function ShipForm(p: OrderPageProps) {
  const { t } = p;
  if (p.order.status !== 'paid' || !can(p.shop.role, 'orders.manage')) return null;
  const failed = failedFor(p, 'ship');
  return (
    <section class="card" id="ship">
      <h2>{t('orders.ship.title')}</h2>
      <Problem {...p} form="ship" />
      <form method="post" action={orderAction(p, '/ship')}>
        <CsrfField token={p.csrf} />
        <TextField
          name="carrier"
          label={t('orders.ship.carrier')}
          hint={t('orders.ship.carrierHint')}
          values={failed?.values}
          errors={failed?.errors}
          maxlength={80}
          required
        />
        <TextField
          name="trackingNumber"
          label={t('orders.ship.trackingNumber')}
          values={failed?.values}
          errors={failed?.errors}
          maxlength={80}
          autocomplete="off"
          required
        />
        <TextField
          name="trackingUrl"
          type="url"
          label={t('orders.ship.trackingUrl')}
          hint={t('orders.ship.trackingUrlHint')}
          values={failed?.values}
          errors={failed?.errors}
          maxlength={500}
          placeholder="https://"
        />
        <button type="submit" class="primary">
          {t('orders.ship.submit')}
        </button>
      </form>
    </section>
  );
}

/** "It arrived" for a shipped order (`orders.manage`). */
export function DeliverForm(p: OrderPageProps) {
  if (p.order.status !== 'shipped' || !can(p.shop.role, 'orders.manage')) return null;
  return (
    <section class="card" id="deliver">
      <h2>{p.t('orders.deliver.title')}</h2>
      <Problem {...p} form="deliver" />
      <form method="post" action={orderAction(p, '/deliver')}>
        <CsrfField token={p.csrf} />
        <button type="submit">{p.t('orders.deliver.submit')}</button>
      </form>
    </section>
  );
}

/**
 * A full or partial refund in the captured currency; the first post only
 * reviews it (the confirmation step). Staff see who can do it instead.
 */
export function RefundForm(p: OrderPageProps) {
  const { t, order, locale } = p;
  const left = refundableMinor(order);
  if (left <= 0) return null;
  const currency = order.payment!.currency;
  const failed = failedFor(p, 'refund');
  return (
    <section class="card" id="refund">
      <h2>{t('orders.refund.title')}</h2>
      {can(p.shop.role, 'orders.refund') ? (
        <>
          <Problem {...p} form="refund" />
          <form method="post" action={orderAction(p, '/refund')}>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="step" value="review" />
            <TextField
              name="amount"
              label={t('orders.refund.amount', { currency })}
              hint={t('orders.refund.amountHint', { max: moneyText(locale, left, currency) })}
              inputmode="decimal"
              values={failed?.values}
              errors={failed?.errors}
              maxlength={32}
            />
            <TextField
              name="reason"
              label={t('orders.refund.reason')}
              values={failed?.values}
              errors={failed?.errors}
              maxlength={500}
            />
            <button type="submit">{t('orders.refund.review')}</button>
          </form>
        </>
      ) : (
        <p class="hint">{t('orders.refund.ownerOnly')}</p>
      )}
    </section>
  );
}

/** Cancel (restocks; a paid order is refunded in full, which only refunders may do). */
export function CancelForm(p: OrderPageProps) {
  const { t, order } = p;
  if (order.status !== 'pending_payment' && order.status !== 'paid') return null;
  if (!can(p.shop.role, 'orders.manage')) return null;
  const mayCancel = refundableMinor(order) === 0 || can(p.shop.role, 'orders.refund');
  const failed = failedFor(p, 'cancel');
  return (
    <section class="card" id="cancel">
      <h2>{t('orders.cancel.title')}</h2>
      {mayCancel ? (
        <>
          <p class="hint">{t('orders.cancel.hint')}</p>
          <Problem {...p} form="cancel" />
          <form method="post" action={orderAction(p, '/cancel')}>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="step" value="review" />
            <TextField
              name="cancelReason"
              label={t('orders.cancel.reason')}
              values={failed?.values}
              errors={failed?.errors}
              maxlength={500}
            />
            <button type="submit" class="danger">
              {t('orders.cancel.submit')}
            </button>
          </form>
        </>
      ) : (
        <p class="hint">{t('orders.refund.ownerOnly')}</p>
      )}
    </section>
  );
}
