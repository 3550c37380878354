import type { Pricer } from '@aldea/core';
import type { Ui } from '../components/ui.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A rate's day in the buyer's language ("24 nov 2026"); rates are days in UTC. */
export function formatRateDate(date: Date, locale: string): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(date);
}

/**
 * The honesty note under converted prices ("Converted from CNY with the 24 Nov
 * 2026 exchange rate…"), or undefined when prices are the seller's own (base
 * currency or fixed prices only).
 */
export function priceNote(ui: Ui, pricer: Pick<Pricer, 'note'>): string | undefined {
  const note = pricer.note;
  if (!note) return undefined;
  return ui.t('product.converted', { base: note.from, date: formatRateDate(note.asOf, ui.locale) });
}
