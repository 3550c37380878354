import type { CheckoutMessageKey, Locale, Translate } from '@aldea/core';
import { checkoutText } from '@aldea/core';
import type { Links } from '../links.js';
import { type CheckoutUiKey, checkoutUi } from './messages.js';

/** What checkout components need: both catalogues (pages and core's), the locale, links. */
export interface CheckoutUi {
  t: Translate<CheckoutUiKey>;
  /** Core's own buyer texts: payment method names, duties notice, address errors. */
  core: Translate<CheckoutMessageKey>;
  locale: Locale;
  links: Links;
}

/** The checkout UI bundle for a locale. */
export function checkoutUiFor(locale: Locale, links: Links): CheckoutUi {
  return { t: checkoutUi(locale), core: checkoutText(locale), locale, links };
}

const dates = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, kind: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = dates.get(key);
  if (!f) {
    f =
      kind === 'day'
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(locale, {
            hour: '2-digit',
            minute: '2-digit',
            timeZone: 'UTC',
            timeZoneName: 'short',
          });
    dates.set(key, f);
  }
  return f;
}

/** A calendar day in the buyer's language ("25 nov 2026"). */
export function formatDay(d: Date, locale: string): string {
  return format(locale, 'day').format(d);
}

/** A time of day with its zone ("10:30 UTC"). */
export function formatTime(d: Date, locale: string): string {
  return format(locale, 'time').format(d);
}

/** A tax rate in basis points as a percentage ("16 %"). */
export function formatRate(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    bps / 10_000,
  );
}
