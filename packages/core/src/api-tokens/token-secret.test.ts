import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.js';
import { makeTokenSecret, tokenPrefix } from './token-secret.js';

describe('token secrets', () => {
  it('makes distinct tokens whose prefix is their public start and whose hash is stored', () => {
    const a = makeTokenSecret();
    const b = makeTokenSecret();
    expect(a.token).not.toBe(b.token);
    expect(a.token.startsWith(`${a.prefix}_`)).toBe(true);
    expect(a.token).toHaveLength('aldea_'.length + 10 + 1 + 43);
    expect(tokenPrefix(a.token)).toBe(a.prefix);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token.slice(-43));
  });

  it.each([
    '',
    'aldea_0123456789',
    'aldea_0123456789_short',
    `aldea_012345678g_${'a'.repeat(43)}`,
    `Bearer aldea_0123456789_${'a'.repeat(43)}`,
    `aldea_0123456789_${'a'.repeat(44)}`,
  ])('refuses the malformed token %j', (token) => {
    expect(tokenPrefix(token)).toBeUndefined();
  });
});
