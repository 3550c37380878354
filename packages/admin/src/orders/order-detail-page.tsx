import { countryName, type Money, toSettlementAmount } from '@aldea/core';
import { formatDate, formatDateTime } from '../ui/format.js';
import { CancelForm, DeliverForm, RefundForm, ShipForm } from './order-action-forms.js';
import { moneyText, orderTimeline, percentText, statusBadge } from './order-format.js';
import { PaymentSection } from './order-payment-section.js';
import type { OrderPageProps } from './order-props.js';

function Header(p: OrderPageProps) {
  const { t, order } = p;
  return (
    <>
      <p>
        <a href={p.links.shop(p.shop.shop.id, '/orders')}>← {t('orders.title')}</a>
      </p>
      <h1>
        {t('orders.number', { number: order.number })}{' '}
        <span class={statusBadge(order.status)}>{t(`orders.status.${order.status}`)}</span>
      </h1>
      <p class="muted">
        {t('orders.placed', { date: formatDateTime(p.locale, order.createdAt, p.timeZone) })}
      </p>
      {p.failed?.notice && (
        <p class="notice error" role="alert">
          {p.failed.notice}
        </p>
      )}
      {order.attention === 'payment_needs_refund' && (
        <p class="notice error" role="alert">
          {t('orders.attention.payment_needs_refund')}
        </p>
      )}
    </>
  );
}

function Buyer(p: OrderPageProps) {
  const { t, order } = p;
  const a = order.shippingAddress;
  const place = [a.postalCode, a.city, a.region].filter(Boolean).join(' ');
  return (
    <section class="card" id="buyer">
      <h2>{t('orders.shipTo')}</h2>
      <address>
        <strong>{a.name}</strong>
        <br />
        {a.line1}
        {a.line2 && (
          <>
            <br />
            {a.line2}
          </>
        )}
        <br />
        {place}
        <br />
        {countryName(a.country, p.locale)}
      </address>
      {a.phone && <p>{t('orders.phone', { phone: a.phone })}</p>}
      <p>
        {t('orders.buyer')}: {order.email} ·{' '}
        <a
          href={`mailto:${order.email}?subject=${encodeURIComponent(t('orders.number', { number: order.number }))}`}
        >
          {t('orders.writeToBuyer')}
        </a>
      </p>
      {order.international && (
        <p class="hint">
          {order.dutiesPaidBySeller ? t('orders.dutiesSeller') : t('orders.dutiesBuyer')}
        </p>
      )}
      {(order.status === 'paid' || order.status === 'shipped') && (
        <p class="hint">
          {t('orders.shipBy', { date: formatDate(p.locale, order.shipBy, p.timeZone) })} ·{' '}
          {t('orders.deliveryWindow', {
            from: formatDate(p.locale, order.deliveryEarliest, p.timeZone),
            to: formatDate(p.locale, order.deliveryLatest, p.timeZone),
          })}
        </p>
      )}
    </section>
  );
}

function Amounts(p: OrderPageProps) {
  const { t, order, locale } = p;
  const shopCurrency = order.settlementCurrency;
  const both = order.currency !== shopCurrency;
  const inShop = (amountMinor: number) => {
    const m: Money | null = toSettlementAmount({ amountMinor, currency: order.currency }, order);
    return m ? `≈ ${moneyText(locale, m.amountMinor, m.currency)}` : '—';
  };
  const row = (label: string, amountMinor: number, strong = false) => (
    <tr>
      <th scope="row">{strong ? <strong>{label}</strong> : label}</th>
      <td class="amount">{moneyText(locale, amountMinor, order.currency)}</td>
      {both && <td class="amount muted">{inShop(amountMinor)}</td>}
    </tr>
  );
  const taxLabel = order.taxInclusive
    ? t('orders.taxIncluded', { rate: percentText(locale, order.taxRateBps) })
    : t('orders.tax', { rate: percentText(locale, order.taxRateBps) });
  return (
    <section class="card" id="lines">
      <h2>{t('orders.lines')}</h2>
      <ul class="list">
        {order.lines.map((l) => (
          <li>
            <p>
              <strong>{l.title}</strong>
              {l.variantLabel && <span class="muted"> · {l.variantLabel}</span>}
            </p>
            <p class="small">
              {t('orders.quantity', { count: l.quantity })} ·{' '}
              {moneyText(locale, l.lineTotalMinor, l.currency)} · {t('orders.sku', { sku: l.sku })}
              {l.madeToOrder && <> · {t('orders.madeToOrder')}</>}
            </p>
          </li>
        ))}
      </ul>
      <h3>{t('orders.amounts')}</h3>
      <div class="table-scroll">
        <table>
          {both && (
            <thead>
              <tr>
                <td />
                <th scope="col">{t('orders.buyerCurrency', { currency: order.currency })}</th>
                <th scope="col">{t('orders.shopCurrency', { currency: shopCurrency })}</th>
              </tr>
            </thead>
          )}
          <tbody>
            {row(t('orders.subtotal'), order.subtotalMinor)}
            {row(
              `${t('orders.shipping', { name: order.shipping.name })}${order.shipping.free ? ` (${t('orders.free')})` : ''}`,
              order.shippingMinor,
            )}
            {order.taxRateBps > 0 && row(taxLabel, order.taxMinor)}
            {row(t('orders.total'), order.totalMinor, true)}
          </tbody>
        </table>
      </div>
      {both &&
        (order.fxRate ? (
          <p class="hint">
            {t('orders.rateNote', {
              base: shopCurrency,
              rate: order.fxRate,
              quote: order.currency,
              date: order.fxAsOf ? formatDate(locale, order.fxAsOf, p.timeZone) : '—',
            })}
          </p>
        ) : (
          <p class="hint">{t('orders.fixedPrices', { currency: order.currency })}</p>
        ))}
    </section>
  );
}

function Timeline(p: OrderPageProps) {
  const { t, locale } = p;
  return (
    <section class="card" id="timeline">
      <h2>{t('orders.timeline')}</h2>
      <ol class="list">
        {orderTimeline(p.order).map((e) => (
          <li>
            <p class="muted small">
              <time datetime={e.at.toISOString()}>{formatDateTime(locale, e.at, p.timeZone)}</time>
            </p>
            <p>
              {e.kind === 'shipped' ? (
                <>
                  {t('orders.event.shipped', { carrier: e.carrier, number: e.number })}
                  {e.url && (
                    <>
                      {' · '}
                      <a href={e.url} rel="noreferrer noopener">
                        {t('orders.trackingLink')}
                      </a>
                    </>
                  )}
                </>
              ) : e.kind === 'refund' ? (
                t('orders.event.refund', {
                  amount: moneyText(locale, e.amountMinor, e.currency),
                  status: t(`orders.refundStatus.${e.status}`),
                })
              ) : (
                t(`orders.event.${e.kind}`)
              )}
            </p>
            {(e.kind === 'cancelled' || e.kind === 'refund') && e.reason && (
              <p class="muted small">{t('orders.reason', { reason: e.reason })}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * One order for the seller: what to do with it first (confirm the payment, ship
 * it, mark it delivered), then where it goes, what was bought with the amounts
 * in the buyer's and the shop's currency, its history, and refund and cancel.
 */
export function OrderDetailPage(p: OrderPageProps) {
  return (
    <>
      <Header {...p} />
      <PaymentSection {...p} />
      <Buyer {...p} />
      <ShipForm {...p} />
      <DeliverForm {...p} />
      <Amounts {...p} />
      <Timeline {...p} />
      <RefundForm {...p} />
      <CancelForm {...p} />
    </>
  );
}
