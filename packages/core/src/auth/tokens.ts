import { createHash } from 'node:crypto';

/**
 * SHA-256 of a secret token (base64url). Sessions and reset tokens are stored
 * only as this hash: a copy of the database does not contain live credentials.
 * A fast hash is right here (unlike passwords): the token has 256 random bits.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
