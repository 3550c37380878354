import { formatMoney, type OrderView } from '@aldea/core';
import { type CheckoutUi, formatDay } from '../ui.js';
import { Notice } from './parts.js';
import { AddressBlock, TotalsTable } from './totals.js';

/** What the status page has to say on top of the order (after an action). */
export type OrderNotice =
  | { kind: 'confirming' }
  | { kind: 'payError' }
  | { kind: 'receiptDone' }
  | { kind: 'receiptBad'; reason: string }
  | undefined;

/** Paying a pending order: card (pay now), or instructions with a reference and receipt upload. */
function Payment({
  ui,
  order,
  actions,
  confirming,
}: {
  ui: CheckoutUi;
  order: OrderView;
  actions: { pay: string; receipt: string };
  confirming: boolean;
}) {
  const { t } = ui;
  const total = formatMoney({ amountMinor: order.totalMinor, currency: order.currency }, ui.locale);
  if (order.payment?.provider === 'stripe') {
    if (confirming)
      return (
        <p class="notice" role="status">
          {t('order.confirming')}
        </p>
      );
    return (
      <form method="post" action={actions.pay}>
        <button class="btn" type="submit">
          {t('order.payNow', { total })}
        </button>
      </form>
    );
  }
  return (
    <section class="buy">
      <p>
        <strong>
          {t('order.payBy', { total, date: formatDay(order.reservedUntil, ui.locale) })}
        </strong>
      </p>
      <p>{ui.core(`method.${order.paymentMethod}`)}</p>
      <p class="reference">{t('order.reference', { reference: order.paymentReference })}</p>
      <p class="note">{t('order.referenceHint')}</p>
      {order.payment?.receiptMediaId ? (
        <p class="notice ok">{t('order.receiptDone')}</p>
      ) : (
        <form
          method="post"
          action={actions.receipt}
          enctype="multipart/form-data"
          class="checkout-form"
        >
          <div class="field">
            <label for="receipt">{t('order.receipt')}</label>
            <input id="receipt" type="file" name="receipt" accept="image/*" required />
          </div>
          <button class="btn quiet" type="submit">
            {t('order.receiptSend')}
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * The buyer's order page behind the unguessable link: status, how to pay (or
 * "payment being confirmed" after the card page sent them back), delivery
 * estimate, tracking, and the order itself.
 */
export function OrderPage(props: {
  ui: CheckoutUi;
  order: OrderView;
  notice: OrderNotice;
  instructions: string | null;
  actions: { pay: string; receipt: string };
}) {
  const { ui, order, notice } = props;
  const { t } = ui;
  const money = (amountMinor: number) =>
    formatMoney({ amountMinor, currency: order.currency }, ui.locale);
  const refunded = order.payment?.refundedMinor ?? 0;
  return (
    <>
      <h1>{t('order.title', { number: order.number })}</h1>
      {order.status === 'pending_payment' && <p>{t('order.thanks')}</p>}
      <p class="order-status" data-status={order.status}>
        <strong>{t(`order.status.${order.status}`)}</strong>
      </p>
      {notice?.kind === 'payError' && <Notice kind="bad" text={t('order.payError')} />}
      {notice?.kind === 'receiptDone' && <Notice kind="ok" text={t('order.receiptDone')} />}
      {notice?.kind === 'receiptBad' && (
        <Notice kind="bad" text={t('order.receiptBad', { reason: notice.reason })} />
      )}
      {order.status === 'pending_payment' && (
        <Payment
          ui={ui}
          order={order}
          actions={props.actions}
          confirming={notice?.kind === 'confirming'}
        />
      )}
      {order.status === 'pending_payment' && props.instructions && (
        <p class="instructions">{props.instructions}</p>
      )}
      {order.status === 'shipped' && order.carrier && (
        <p>
          {t('order.tracking', { carrier: order.carrier, tracking: order.trackingNumber ?? '' })}{' '}
          {order.trackingUrl && (
            <a href={order.trackingUrl} rel="noopener noreferrer">
              {t('order.trackingLink')}
            </a>
          )}
        </p>
      )}
      {refunded > 0 && <p>{t('order.refunded', { amount: money(refunded) })}</p>}
      <TotalsTable
        ui={ui}
        rows={{
          currency: order.currency,
          lines: order.lines.map((l) => ({
            title: l.title,
            variantLabel: l.variantLabel,
            quantity: l.quantity,
            unitMinor: l.unitAmountMinor,
            totalMinor: l.lineTotalMinor,
          })),
          subtotalMinor: order.subtotalMinor,
          shippingMinor: order.shippingMinor,
          shippingName: order.shipping.name,
          taxMinor: order.taxMinor,
          taxRateBps: order.taxRateBps,
          taxInclusive: order.taxInclusive,
          totalMinor: order.totalMinor,
        }}
      />
      <dl class="facts">
        <dt>{t('review.shipTo')}</dt>
        <dd>
          <AddressBlock ui={ui} address={order.shippingAddress} />
        </dd>
        <dt>{t('review.shipBy')}</dt>
        <dd>{formatDay(order.shipBy, ui.locale)}</dd>
        <dt>{t('review.delivery')}</dt>
        <dd>
          {formatDay(order.deliveryEarliest, ui.locale)} –{' '}
          {formatDay(order.deliveryLatest, ui.locale)}
        </dd>
        <dt>{t('review.payWith')}</dt>
        <dd>{ui.core(`method.${order.paymentMethod}`)}</dd>
      </dl>
      {order.international && (
        <p class="notice">
          {ui.core(order.dutiesPaidBySeller ? 'duties.seller' : 'duties.buyer', {
            country:
              new Intl.DisplayNames([ui.locale], { type: 'region' }).of(order.country) ??
              order.country,
          })}
        </p>
      )}
      <p class="note">{t('order.keepLink')}</p>
    </>
  );
}
