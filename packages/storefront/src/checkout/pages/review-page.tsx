import { type CheckoutReview, formatMoney } from '@aldea/core';
import { type CheckoutUi, formatDay, formatTime } from '../ui.js';
import { Notice, Steps } from './parts.js';
import { AddressBlock, TotalsTable } from './totals.js';

/** Why the review page has something to say before the buyer places the order. */
export type ReviewNotice = 'expired' | 'soldOut' | undefined;

/**
 * Step 4: the locked quote — lines, shipping, tax, total — with the address,
 * delivery estimate, duties notice and payment method; placing the order posts
 * back exactly the quote and total shown.
 */
export function ReviewPage({
  ui,
  review,
  notice,
}: {
  ui: CheckoutUi;
  review: CheckoutReview;
  notice: ReviewNotice;
}) {
  const { t } = ui;
  const { totals } = review;
  const total = formatMoney(
    { amountMinor: totals.totalMinor, currency: totals.currency },
    ui.locale,
  );
  const changed = review.changes
    .map((c) => {
      const line = review.lines.find((l) => l.variantId === c.variantId);
      const after = c.after ? formatMoney(c.after, ui.locale) : '—';
      return line ? `${line.title} → ${after}` : null;
    })
    .filter((x): x is string => x !== null);
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      <Steps ui={ui} current="review" />
      <h2>{t('review.title')}</h2>
      {notice === 'soldOut' && <Notice kind="bad" text={t('review.soldOut')} />}
      {notice === 'expired' && <Notice kind="bad" text={t('review.expired')} />}
      {changed.length > 0 && (
        <Notice kind="bad" text={t('review.changed', { items: changed.join(', ') })} />
      )}
      <TotalsTable
        ui={ui}
        rows={{
          currency: totals.currency,
          lines: review.lines.map((l) => ({
            title: l.title,
            variantLabel: l.variantLabel,
            quantity: l.quantity,
            unitMinor: l.unit.amountMinor,
            totalMinor: l.total.amountMinor,
          })),
          subtotalMinor: totals.subtotalMinor,
          shippingMinor: totals.shippingMinor,
          shippingName: review.shipping.name,
          taxMinor: totals.taxMinor,
          taxRateBps: totals.taxRateBps,
          taxInclusive: totals.taxInclusive,
          totalMinor: totals.totalMinor,
        }}
      />
      {review.priceNote && (
        <p class="note">
          {t('review.converted', { base: review.priceNote.from, date: review.priceNote.date })}
        </p>
      )}
      <dl class="facts">
        <dt>{t('review.shipTo')}</dt>
        <dd>
          {review.checkout.address && <AddressBlock ui={ui} address={review.checkout.address} />}
        </dd>
        <dt>{t('review.shipBy')}</dt>
        <dd>{formatDay(review.shipBy, ui.locale)}</dd>
        <dt>{t('review.delivery')}</dt>
        <dd>
          {formatDay(review.deliveryEarliest, ui.locale)} –{' '}
          {formatDay(review.deliveryLatest, ui.locale)}
        </dd>
        <dt>{t('review.payWith')}</dt>
        <dd>{review.payment.label}</dd>
      </dl>
      {review.dutiesNotice && <p class="notice">{review.dutiesNotice}</p>}
      <p class="note">{t('review.held', { time: formatTime(review.quoteExpiresAt, ui.locale) })}</p>
      <form method="post" action={ui.links.shop('/checkout/place')}>
        <input type="hidden" name="quoteId" value={review.quoteId} />
        <input type="hidden" name="totalMinor" value={String(totals.totalMinor)} />
        <input type="hidden" name="currency" value={totals.currency} />
        <button class="btn" type="submit">
          {t('review.place', { total })}
        </button>
      </form>
      <p>
        <a href={ui.links.shop('/checkout/payment')}>{t('checkout.back')}</a>
      </p>
    </>
  );
}
