import { can, type MediaView } from '@aldea/core';
import type { Links } from '../links.js';
import { CsrfField, FormProblem } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';
import { mediaUrl } from '../ui/media-url.js';
import { moneyText } from './order-format.js';
import { failedFor, type OrderPageProps, orderAction } from './order-props.js';

/** A WebP of the receipt about `width` wide for the page, and the largest to open. */
function receiptFiles(view: MediaView, width: number) {
  const webp = view.files.filter((f) => f.format === 'webp').sort((a, b) => a.width - b.width);
  const files = webp.length > 0 ? webp : view.files;
  const shown = files.find((f) => f.width >= width) ?? files.at(-1);
  return { shown, largest: files.at(-1) };
}

/** Shown 240 CSS px wide (the page allows no inline styles); sharper on 2× screens. */
const RECEIPT_WIDTH = 240;

function Receipt(p: OrderPageProps & { receipt: MediaView; links: Links }) {
  const { shown, largest } = receiptFiles(p.receipt, RECEIPT_WIDTH * 2);
  if (!shown || !largest) return null;
  const shopId = p.shop.shop.id;
  const width = Math.min(shown.width, RECEIPT_WIDTH);
  return (
    <div class="receipt">
      <p>
        <a href={mediaUrl(p.links, shopId, largest.key)}>
          <img
            src={mediaUrl(p.links, shopId, shown.key)}
            alt={p.t('orders.receipt')}
            width={width}
            height={Math.round((shown.height * width) / shown.width)}
            loading="lazy"
          />
        </a>
      </p>
      <p class="small">
        {p.t('orders.receipt')} ·{' '}
        <a href={mediaUrl(p.links, shopId, largest.key)}>{p.t('orders.receiptOpen')}</a>
      </p>
    </div>
  );
}

/**
 * How the order is paid: method, the reference the buyer writes, what arrived
 * and was refunded, the receipt photo, and — for a manual payment still to
 * come — the seller's "the money arrived" button.
 */
export function PaymentSection(p: OrderPageProps) {
  const { t, order, locale } = p;
  const payment = order.payment;
  const manual = payment?.provider === 'manual';
  const awaiting = order.status === 'pending_payment' || order.status === 'expired';
  const canConfirm = manual && awaiting && can(p.shop.role, 'orders.manage');
  const failed = failedFor(p, 'confirm');
  return (
    <section class="card" id="payment">
      <h2>{t('orders.payment')}</h2>
      <p>
        <strong>{t(`orders.method.${order.paymentMethod}`)}</strong>
        {payment && (
          <>
            {' · '}
            {t(`orders.paymentStatus.${payment.status}`)}
          </>
        )}
      </p>
      {manual && <p>{t('orders.reference', { reference: order.paymentReference })}</p>}
      {payment && payment.capturedMinor > 0 && (
        <p>
          {t('orders.captured', {
            amount: moneyText(locale, payment.capturedMinor, payment.currency),
          })}
        </p>
      )}
      {payment && payment.refundedMinor > 0 && (
        <p>
          {t('orders.refunded', {
            amount: moneyText(locale, payment.refundedMinor, payment.currency),
          })}
        </p>
      )}
      {order.status === 'pending_payment' && (
        <p class="muted small">
          {t('orders.heldUntil', { date: formatDateTime(locale, order.reservedUntil, p.timeZone) })}
        </p>
      )}
      {p.receipt && awaiting && <Receipt {...p} receipt={p.receipt} />}
      {p.receipt && !awaiting && (
        // Once the payment is settled the photo is a record, not the next step: folded away.
        <details>
          <summary>{t('orders.receipt')}</summary>
          <Receipt {...p} receipt={p.receipt} />
        </details>
      )}
      {p.receipt ? null : manual && awaiting && <p class="muted small">{t('orders.noReceipt')}</p>}
      {canConfirm && (
        <form method="post" action={orderAction(p, '/confirm-payment')} id="confirm">
          <h3>{t('orders.confirm.title')}</h3>
          <p class="hint">
            {t('orders.confirm.hint', {
              amount: moneyText(locale, order.totalMinor, order.currency),
            })}
          </p>
          <FormProblem errors={failed?.errors} text={t('common.fixErrors')} />
          <CsrfField token={p.csrf} />
          <button type="submit" class="primary">
            {t('orders.confirm.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
