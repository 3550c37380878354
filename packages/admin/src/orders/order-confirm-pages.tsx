import { toSettlementAmount } from '@aldea/core';
import { CsrfField } from '../ui/fields.js';
import { moneyText, refundableMinor } from './order-format.js';
import { type OrderPageProps, orderAction } from './order-props.js';

type ConfirmProps = Pick<OrderPageProps, 't' | 'locale' | 'links' | 'csrf' | 'shop' | 'order'>;

function Back(p: ConfirmProps & { label: string; anchor: string }) {
  return (
    <a class="button" href={`${p.links.shop(p.shop.shop.id, `/orders/${p.order.id}`)}#${p.anchor}`}>
      {p.label}
    </a>
  );
}

/**
 * The refund's confirmation step: the exact amount in the currency the buyer
 * paid in (never re-converted), about what it is in the shop's currency, and a
 * note when the seller hands the money back themselves.
 */
export function RefundConfirmPage(
  p: ConfirmProps & { amountMinor: number; typed: string; reason: string },
) {
  const { t, order, locale } = p;
  const currency = order.payment!.currency;
  const amount = moneyText(locale, p.amountMinor, currency);
  const inShop =
    currency === order.settlementCurrency
      ? null
      : toSettlementAmount({ amountMinor: p.amountMinor, currency }, order);
  return (
    <section class="card" id="refund-confirm">
      <h1>{t('orders.refund.confirmTitle', { amount })}</h1>
      <p>{t('orders.refund.confirmBody', { number: order.number, currency })}</p>
      {inShop && (
        <p class="muted">
          {t('orders.refund.confirmShop', {
            amount: moneyText(locale, inShop.amountMinor, inShop.currency),
          })}
        </p>
      )}
      {order.payment!.provider === 'manual' && (
        <p class="notice">{t('orders.refund.manualNote')}</p>
      )}
      {p.reason && <p class="muted">{t('orders.reason', { reason: p.reason })}</p>}
      <form method="post" action={orderAction(p, '/refund')}>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="step" value="confirm" />
        <input type="hidden" name="amountMinor" value={String(p.amountMinor)} />
        {/* What the seller typed, to show again if the refund is refused. */}
        <input type="hidden" name="amount" value={p.typed} />
        <input type="hidden" name="reason" value={p.reason} />
        <ul class="actions">
          <li>
            <button type="submit" class="danger">
              {t('orders.refund.confirm', { amount })}
            </button>
          </li>
          <li>
            <Back {...p} label={t('common.cancel')} anchor="refund" />
          </li>
        </ul>
      </form>
    </section>
  );
}

/** The cancel's confirmation step: the stock comes back, and what is refunded when it was paid. */
export function CancelConfirmPage(p: ConfirmProps & { reason: string }) {
  const { t, order, locale } = p;
  const left = refundableMinor(order);
  return (
    <section class="card" id="cancel-confirm">
      <h1>{t('orders.cancel.confirmTitle', { number: order.number })}</h1>
      <p>{t('orders.cancel.confirmBody')}</p>
      {left > 0 && (
        <p>
          <strong>
            {t('orders.cancel.confirmRefund', {
              amount: moneyText(locale, left, order.payment!.currency),
            })}
          </strong>
        </p>
      )}
      {left > 0 && order.payment!.provider === 'manual' && (
        <p class="notice">{t('orders.refund.manualNote')}</p>
      )}
      {p.reason && <p class="muted">{t('orders.reason', { reason: p.reason })}</p>}
      <form method="post" action={orderAction(p, '/cancel')}>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="step" value="confirm" />
        <input type="hidden" name="cancelReason" value={p.reason} />
        <ul class="actions">
          <li>
            <button type="submit" class="danger">
              {t('orders.cancel.confirm')}
            </button>
          </li>
          <li>
            <Back {...p} label={t('orders.cancel.keep')} anchor="cancel" />
          </li>
        </ul>
      </form>
    </section>
  );
}
