import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens.js';

/**
 * API token strings: `aldea_<10 hex>_<43 base64url>`. The first part is public
 * (the prefix lists show); the last is 256 random bits. The distinctive
 * `aldea_` start lets secret scanners recognise a leaked token. Only the
 * SHA-256 of the whole string is stored.
 */
const TOKEN = /^(aldea_[0-9a-f]{10})_[A-Za-z0-9_-]{43}$/;

/** A freshly made token: `token` is shown once; `prefix` and `hash` are stored. */
export interface NewTokenSecret {
  token: string;
  prefix: string;
  hash: string;
}

/** Makes a new random token with its public prefix and stored hash. */
export function makeTokenSecret(): NewTokenSecret {
  const prefix = `aldea_${randomBytes(5).toString('hex')}`;
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashToken(token) };
}

/** The public prefix of a well-formed token string, or undefined for anything else. */
export function tokenPrefix(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}
