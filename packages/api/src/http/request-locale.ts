import { acceptLanguageTags, isLocale, type Locale, matchLocale } from '@aldea/core';
import type { Context } from 'hono';

/**
 * The language texts are read in: `?locale=` when it is one of ours, else the
 * best Accept-Language match, else English. Texts then fall back to the
 * shop's default language (each response says which locale it shows).
 */
export function requestLocale(c: Context): Locale {
  const asked = c.req.query('locale');
  if (isLocale(asked)) return asked;
  for (const tag of acceptLanguageTags(c.req.header('accept-language') ?? '')) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}
