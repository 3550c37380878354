import {
  DEFAULT_LOCALE,
  isCurrencyCode,
  isLocale,
  type Locale,
  matchLocale,
  platformContext,
  translator,
} from '@aldea/core';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, BuyerPrefs, PrefSource } from '../env.js';
import { catalogues } from '../messages/index.js';

export const LANG_COOKIE = 'aldea_lang';
export const CURRENCY_COOKIE = 'aldea_currency';
const ONE_YEAR_S = 365 * 24 * 3600;
// Nobody sends a meaningful Accept-Language longer than this; we do not parse megabytes.
export const MAX_ACCEPT_LANGUAGE = 512;

/**
 * The language tags of an Accept-Language header, best first (by `q`, then
 * order). Malformed entries and `q=0` are dropped.
 */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  const tags: { tag: string; q: number; i: number }[] = [];
  header
    .slice(0, MAX_ACCEPT_LANGUAGE)
    .split(',')
    .forEach((part, i) => {
      const [rawTag, ...params] = part.trim().split(';');
      const tag = rawTag?.trim() ?? '';
      if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return;
      let q = 1;
      for (const p of params) {
        const m = /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p);
        if (m) q = Number(m[1]);
      }
      if (q > 0) tags.push({ tag, q, i });
    });
  return tags.sort((a, b) => b.q - a.q || a.i - b.i).map((t) => t.tag);
}

/** The first of our locales the Accept-Language header names, if any. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  for (const tag of parseAcceptLanguage(header)) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

function queryLocale(value: string | undefined): Locale | undefined {
  return value && value.length <= 35 ? matchLocale(value) : undefined;
}

function queryCurrency(value: string | undefined): string | undefined {
  // Exactly three letters, or it is not a code (this also bounds what we upper-case).
  if (value?.length !== 3) return undefined;
  const code = value.toUpperCase();
  return isCurrencyCode(code) ? code : undefined;
}

function remember(c: Context<AppEnv>, name: string, value: string): void {
  if (getCookie(c, name) === value) return;
  setCookie(c, name, value, {
    path: '/',
    maxAge: ONE_YEAR_S,
    sameSite: 'Lax',
    httpOnly: true,
    secure: new URL(c.req.url).protocol === 'https:',
  });
}

/** Works out language and currency for this request (pure apart from reading the request). */
export function readBuyerPrefs(c: Context<AppEnv>): BuyerPrefs {
  const acceptLanguage = c.req.header('accept-language')?.slice(0, MAX_ACCEPT_LANGUAGE);
  let locale: Locale = DEFAULT_LOCALE;
  let localeSource: PrefSource = 'default';
  const fromQuery = queryLocale(c.req.query('lang'));
  const fromCookie = getCookie(c, LANG_COOKIE);
  const fromHeader = localeFromAcceptLanguage(acceptLanguage);
  if (fromQuery) [locale, localeSource] = [fromQuery, 'query'];
  else if (isLocale(fromCookie)) [locale, localeSource] = [fromCookie, 'cookie'];
  else if (fromHeader) [locale, localeSource] = [fromHeader, 'header'];

  const currencyQuery = queryCurrency(c.req.query('currency'));
  const currencyCookie = queryCurrency(getCookie(c, CURRENCY_COOKIE));
  const currency = currencyQuery ?? currencyCookie;
  const currencySource: PrefSource = currencyQuery
    ? 'query'
    : currencyCookie
      ? 'cookie'
      : 'default';
  return { locale, localeSource, currency, currencySource, acceptLanguage };
}

/**
 * Sets `prefs`, `t` and the buyer's `platform` context. `?lang=` and
 * `?currency=` on any URL are remembered in cookies; an unknown code is ignored
 * (the page still renders, in the previous or guessed choice).
 */
export function buyerPrefs(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const prefs = readBuyerPrefs(c);
    if (prefs.localeSource === 'query') remember(c, LANG_COOKIE, prefs.locale);
    if (prefs.currencySource === 'query' && prefs.currency) {
      remember(c, CURRENCY_COOKIE, prefs.currency);
    }
    c.set('prefs', prefs);
    c.set('t', translator(catalogues, prefs.locale));
    const { db, clock } = c.get('deps');
    c.set(
      'platform',
      platformContext(db, { actor: { kind: 'buyer' }, locale: prefs.locale, clock }),
    );
    await next();
  };
}
