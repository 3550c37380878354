import { formatMoney, type Locale, type PricePreviewRow, type Translate } from '@aldea/core';
import type { MessageKey } from '../messages/index.js';
import { formatDate } from '../ui/format.js';

/**
 * What buyers pay in each currency the shop offers, and how each price came
 * about (the seller's own, a fixed one, or converted at a dated rate and
 * rounded by a named rule). Rendered in the page and, with JavaScript, swapped
 * in as the seller types.
 */
export function PricePreview({
  t,
  locale,
  rows,
  id,
}: {
  t: Translate<MessageKey>;
  locale: Locale;
  rows: PricePreviewRow[] | undefined;
  id?: string;
}) {
  return (
    <div class="preview" id={id} aria-live="polite">
      <h4>{t('preview.title')}</h4>
      {!rows ? (
        <p class="hint">{t('preview.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('preview.currency')}</th>
              <th scope="col">{t('preview.amount')}</th>
              <th scope="col">{t('preview.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-currency={row.currency}>
                <th scope="row">{row.currency}</th>
                {row.result.ok ? (
                  <>
                    <td class="amount">{formatMoney(row.result.amount, locale)}</td>
                    <td class="small">{how(t, locale, row)}</td>
                  </>
                ) : (
                  <>
                    <td>{t('preview.unavailable')}</td>
                    <td class="small">{t(`preview.reason.${row.result.reason}`)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{t('preview.hint')}</p>
    </div>
  );
}

/** A rounding rule as a seller reads it: "ends in .99", "nearest 10". */
export function ruleText(t: Translate<MessageKey>, rule: string, neverBelow: boolean): string {
  const end = /^end-(\d\d)$/.exec(rule);
  const step = /^step-([\d.]+)$/.exec(rule);
  const text = end
    ? t('preview.rule.end', { cents: end[1]! })
    : step
      ? t('preview.rule.step', { step: step[1]! })
      : t('preview.rule.none');
  return neverBelow ? `${text}, ${t('preview.rule.up')}` : text;
}

function how(t: Translate<MessageKey>, locale: Locale, row: PricePreviewRow): string {
  if (!row.result.ok) return '';
  const p = row.result.provenance;
  if (p.kind === 'base') return t('preview.base');
  if (p.kind === 'fixed') return t('preview.fixed');
  const text = t('preview.converted', {
    rate: p.rate,
    date: formatDate(locale, p.asOf),
    rule: ruleText(t, p.rule, p.neverBelow),
  });
  return p.stale ? `${text} · ${t('preview.stale')}` : text;
}
