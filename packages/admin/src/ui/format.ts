import type { Locale } from '@aldea/core';

const TIME_ZONES: Readonly<Record<string, string>> = {
  CN: 'Asia/Shanghai',
  MX: 'America/Mexico_City',
};

/** The time zone to show a shop's times in: its village's country, else UTC. */
export function timeZoneOf(country: string | undefined): string {
  return (country && TIME_ZONES[country]) ?? 'UTC';
}

/** A date and time in the reader's locale, with the zone named so it is never ambiguous. */
export function formatDateTime(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** A date in the reader's locale. */
export function formatDate(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

/** An integer count in the reader's locale ("1,234", "1.234"). */
export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}
