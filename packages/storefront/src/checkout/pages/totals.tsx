import { formatMoney, type Money, type PostalAddress } from '@aldea/core';
import { countryName } from '../../components/ui.js';
import { type CheckoutUi, formatRate } from '../ui.js';

/** What the totals table shows, for a review or a placed order. */
export interface TotalsRows {
  currency: string;
  lines: {
    title: string;
    variantLabel: string;
    quantity: number;
    unitMinor: number;
    totalMinor: number;
  }[];
  subtotalMinor: number;
  shippingMinor: number;
  shippingName: string;
  taxMinor: number;
  taxRateBps: number;
  taxInclusive: boolean;
  totalMinor: number;
}

/** Lines, shipping, tax and the total — every amount in integer minor units of one currency. */
export function TotalsTable({ ui, rows }: { ui: CheckoutUi; rows: TotalsRows }) {
  const { t } = ui;
  const m = (amountMinor: number) =>
    formatMoney({ amountMinor, currency: rows.currency } as Money, ui.locale);
  const rate = formatRate(rows.taxRateBps, ui.locale);
  return (
    <table class="cart-table">
      <thead>
        <tr>
          <th scope="col">{t('review.item')}</th>
          <th scope="col" class="num">
            {t('review.price')}
          </th>
          <th scope="col" class="num">
            {t('review.quantity')}
          </th>
          <th scope="col" class="num">
            {t('review.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.lines.map((l) => (
          <tr>
            <td>
              {l.title}
              {l.variantLabel && <div class="note">{l.variantLabel}</div>}
            </td>
            <td class="num">{m(l.unitMinor)}</td>
            <td class="num">{l.quantity}</td>
            <td class="num">{m(l.totalMinor)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan={3}>
            {t('review.subtotal')}
          </th>
          <td class="num">{m(rows.subtotalMinor)}</td>
        </tr>
        <tr>
          <th scope="row" colspan={3}>
            {t('review.shipping', { name: rows.shippingName })}
          </th>
          <td class="num">{m(rows.shippingMinor)}</td>
        </tr>
        {rows.taxRateBps > 0 && !rows.taxInclusive && (
          <tr>
            <th scope="row" colspan={3}>
              {t('review.taxAdded', { rate })}
            </th>
            <td class="num">{m(rows.taxMinor)}</td>
          </tr>
        )}
        <tr class="grand">
          <th scope="row" colspan={3}>
            {t('review.total')}
          </th>
          <td class="num">
            <strong>{m(rows.totalMinor)}</strong>
          </td>
        </tr>
        {rows.taxRateBps > 0 && rows.taxInclusive && (
          <tr>
            <td colspan={4} class="note">
              {t('review.taxIncluded', { rate, amount: m(rows.taxMinor) })}
            </td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}

/** A postal address as a block of lines. */
export function AddressBlock({ ui, address }: { ui: CheckoutUi; address: PostalAddress }) {
  const lines = [
    address.name,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(ui, address.country),
    address.phone,
  ].filter((l) => l && l.trim() !== '');
  return (
    <address>
      {lines.map((l) => (
        <div>{l}</div>
      ))}
    </address>
  );
}
