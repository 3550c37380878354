import { getSession, type Locale, matchLocale, newSecretToken, platformContext } from '@aldea/core';
import type { MiddlewareHandler } from 'hono';
import type { AdminDeps, AdminEnv } from '../env.js';
import {
  readLangCookie,
  readPreCsrfCookie,
  readSessionCookie,
  writeLangCookie,
  writePreCsrfCookie,
} from '../http/cookies.js';
import type { Links } from '../links.js';
import { adminTranslator } from '../messages/index.js';

/** The best shipped locale from an Accept-Language header, by q-value. */
export function localeFromHeader(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const tags = header
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q ? Number(q) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const l = matchLocale(tag);
    if (l) return l;
  }
  return undefined;
}

/**
 * Loads what every admin request needs: the session (from the cookie), the
 * language (the user's own once signed in; before, `?lang=`, a cookie or
 * Accept-Language), the translator, the platform context acting as the user,
 * and the CSRF token forms must carry.
 */
export function requestContext(deps: AdminDeps, links: Links): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    c.set('links', links);
    const anonymous = platformContext(deps.db, deps.clock ? { clock: deps.clock } : {});
    const token = readSessionCookie(c);
    const session = token ? await getSession(anonymous, token, deps.session) : undefined;
    c.set('session', session);
    c.set('sessionToken', token);

    const asked = c.req.query('lang');
    const chosen = asked ? matchLocale(asked) : undefined;
    if (chosen && !session) writeLangCookie(c, chosen);
    const locale: Locale =
      session?.user.locale ??
      chosen ??
      matchLocale(readLangCookie(c) ?? '') ??
      localeFromHeader(c.req.header('accept-language')) ??
      'en';
    c.set('locale', locale);
    c.set('t', adminTranslator(locale));
    c.set(
      'platform',
      platformContext(deps.db, {
        ...(deps.clock ? { clock: deps.clock } : {}),
        locale,
        actor: session ? { kind: 'user', userId: session.user.id } : { kind: 'buyer' },
      }),
    );

    if (session) {
      c.set('csrfToken', session.csrfToken);
    } else {
      // Before sign-in: a double-submit token in a cookie, echoed by the form.
      let pre = readPreCsrfCookie(c);
      if (!pre || pre.length > 100) {
        pre = newSecretToken();
        writePreCsrfCookie(c, pre);
      }
      c.set('csrfToken', pre);
    }
    await next();
  };
}
