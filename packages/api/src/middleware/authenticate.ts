import { AldeaError, apiTokenActor, authenticateApiToken, platformContext } from '@aldea/core';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../env.js';
import { requestLocale } from '../http/request-locale.js';

const BEARER = /^Bearer +(\S{1,200})$/i;

/**
 * Reads `Authorization: Bearer <token>` and sets `auth` and the `platform`
 * context: acting as the token when it is live, as an anonymous buyer when
 * there is no header. A header we refuse is remembered as `invalid` and
 * answered with 401 by {@link refuseInvalidToken}, after the rate limit has
 * counted it against the client's address.
 */
export function authenticate(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const base = platformContext(deps.db, {
      locale: requestLocale(c),
      actor: { kind: 'buyer' },
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
    c.set('platform', base);
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('auth', { kind: 'anonymous' });
      return next();
    }
    const bearer = BEARER.exec(header.trim())?.[1];
    const token = bearer ? await authenticateApiToken(base, bearer) : undefined;
    if (token) {
      c.set('auth', { kind: 'token', token });
      c.set('platform', { ...base, actor: apiTokenActor(token) });
    } else {
      c.set('auth', {
        kind: 'invalid',
        reason: bearer
          ? 'the token is malformed, unknown or revoked'
          : 'send the token as "Authorization: Bearer <token>"',
      });
    }
    return next();
  };
}

/** Answers 401 to a request whose Authorization header was refused (even on public routes). */
export function refuseInvalidToken(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    if (auth.kind === 'invalid') throw new AldeaError('UNAUTHENTICATED', auth.reason);
    return next();
  };
}
