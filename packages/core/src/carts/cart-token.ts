import { createHash } from 'node:crypto';
import { newSecretToken } from '../ids.js';
import { CartToken } from './schemas.js';

/** True when `value` looks like a token we issued (a malformed cookie is ignored, not an error). */
export function isCartToken(value: unknown): value is string {
  // Most requests have no cart cookie: answer those without building a zod error.
  return typeof value === 'string' && CartToken.safeParse(value).success;
}

/** A fresh cart token for a buyer's cookie (256 bits, base64url). */
export function newCartToken(): string {
  return newSecretToken();
}

/**
 * The stored form of a cart token: hex SHA-256. The database never holds the
 * token itself, so a leaked row cannot be replayed as a cookie.
 */
export function hashCartToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
