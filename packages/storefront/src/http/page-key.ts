import { parse } from 'hono/utils/cookie';
import { CURRENCY_COOKIE, LANG_COOKIE, MAX_ACCEPT_LANGUAGE } from '../middleware/buyer-prefs.js';

/** The parts of a request a catalogue page is made from. */
export interface PageRequest {
  url: string;
  header(name: string): string | undefined;
}

const NO_COOKIES: Readonly<Record<string, string>> = Object.freeze(Object.create(null));

/** Cookie headers parsed lately: a browser sends the same one with every page it asks for. */
const parsed = new Map<string, Readonly<Record<string, string>>>();
const MAX_PARSED = 1024;
const MAX_KEPT_LENGTH = 512;

/** The request's cookies, each as Hono's `getCookie` reads it (the first valid one of that name). */
export function cookiesOf(req: PageRequest): Readonly<Record<string, string>> {
  const cookie = req.header('cookie');
  if (!cookie) return NO_COOKIES;
  let cookies = parsed.get(cookie);
  if (!cookies) {
    cookies = Object.freeze(parse(cookie));
    if (cookie.length <= MAX_KEPT_LENGTH) {
      if (parsed.size >= MAX_PARSED) parsed.clear();
      parsed.set(cookie, cookies);
    }
  }
  return cookies;
}

/**
 * The page cache's key: every input a catalogue page is a function of, taken
 * straight from the request so that it can be computed before any middleware
 * runs: the address (host, path and query: the shop, the page, `?lang`,
 * `?currency`, filters), the language and currency cookies, and Accept-Language
 * (the first guess of both). Everything else a page shows comes from the
 * database (the content version) or the buyer's cart (put in per request). A
 * new request input that page middleware reads must be added here.
 */
export function pageKey(req: PageRequest, cookies = cookiesOf(req)): string {
  return [
    req.url,
    req.header('host') ?? '',
    cookies[LANG_COOKIE] ?? '',
    cookies[CURRENCY_COOKIE] ?? '',
    req.header('accept-language')?.slice(0, MAX_ACCEPT_LANGUAGE) ?? '',
  ].join('\n');
}
