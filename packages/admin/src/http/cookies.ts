import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AdminEnv } from '../env.js';
import { isHttps } from './client.js';

/** The session cookie: an opaque token; the server keeps everything else. */
export const SESSION_COOKIE = 'aldea_admin_session';
/** Before sign-in: the double-submit CSRF token of the sign-in and reset forms. */
export const PRE_CSRF_COOKIE = 'aldea_admin_csrf';
/** The admin language chosen before sign-in (after, the user's own setting wins). */
export const LANG_COOKIE = 'aldea_admin_lang';

function base(c: Context<AdminEnv>) {
  const deps = c.get('deps');
  return {
    path: c.get('links').base || '/',
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: deps.secureCookies ?? isHttps(c),
  };
}

export function readSessionCookie(c: Context<AdminEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** HttpOnly, SameSite=Lax, Secure on HTTPS, scoped to the admin's path, ends with the session. */
export function writeSessionCookie(c: Context<AdminEnv>, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, { ...base(c), expires: expiresAt });
}

export function clearSessionCookie(c: Context<AdminEnv>): void {
  deleteCookie(c, SESSION_COOKIE, base(c));
}

export function readPreCsrfCookie(c: Context<AdminEnv>): string | undefined {
  return getCookie(c, PRE_CSRF_COOKIE);
}

export function writePreCsrfCookie(c: Context<AdminEnv>, token: string): void {
  setCookie(c, PRE_CSRF_COOKIE, token, { ...base(c), maxAge: 2 * 60 * 60 });
}

export function readLangCookie(c: Context<AdminEnv>): string | undefined {
  return getCookie(c, LANG_COOKIE);
}

export function writeLangCookie(c: Context<AdminEnv>, locale: string): void {
  setCookie(c, LANG_COOKIE, locale, { ...base(c), maxAge: 365 * 24 * 60 * 60 });
}
