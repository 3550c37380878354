import { randomInt } from 'node:crypto';
import { hashToken } from '../auth/tokens.js';
import { newSecretToken } from '../ids.js';

// Crockford base32 without I, L, O, U: nothing to misread on a printed card.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

/** The two secrets of an invitation, in the clear: only shown once, never stored. */
export interface InvitationSecrets {
  /** 256 bits, base64url: in links and QR codes. */
  token: string;
  /** 50 bits, printed as `K7QM8-XRT2P` for typing by hand (rate-limited). */
  code: string;
}

/** Their SHA-256 hashes, the only form the database keeps. */
export interface InvitationHashes {
  tokenHash: string;
  codeHash: string;
}

/** Makes a fresh token and code. */
export function newInvitationSecrets(): InvitationSecrets {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return { token: newSecretToken(), code: `${code.slice(0, 5)}-${code.slice(5)}` };
}

/**
 * A typed code in its canonical form: upper case, separators dropped, the
 * letters people confuse with digits read as those digits (O → 0, I/L → 1).
 * `undefined` when it cannot be a code.
 */
export function normalizeInvitationCode(typed: string): string | undefined {
  const code = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** The hashes to store for a pair of secrets. */
export function hashInvitationSecrets(s: InvitationSecrets): InvitationHashes {
  return {
    tokenHash: hashToken(s.token),
    codeHash: hashToken(`code:${normalizeInvitationCode(s.code)}`),
  };
}

/**
 * Which stored hash a secret from a URL or a form would match: a short code
 * (`codeHash`) or a link token (`tokenHash`). `undefined` for anything that is
 * neither, so junk never reaches the database.
 */
export function lookupHash(
  secret: string,
): { column: 'tokenHash' | 'codeHash'; hash: string } | undefined {
  const trimmed = secret.trim();
  if (trimmed.length <= 16) {
    const code = normalizeInvitationCode(trimmed);
    return code ? { column: 'codeHash', hash: hashToken(`code:${code}`) } : undefined;
  }
  if (/^[A-Za-z0-9_-]{40,64}$/.test(trimmed)) {
    return { column: 'tokenHash', hash: hashToken(trimmed) };
  }
  return undefined;
}
