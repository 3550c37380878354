import { describe, expect, it } from 'vitest';
import { newId, newSecretToken, randomPoolBytes } from './ids.js';

describe('ids and secrets from the random pool', () => {
  it('secret tokens are 43 base64url characters (256 bits) and never repeat', () => {
    const tokens = new Set(Array.from({ length: 5000 }, () => newSecretToken()));
    expect(tokens.size).toBe(5000);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hands every pooled byte out once, across refills', () => {
    // 300 draws of 32 bytes cross the 4 KB pool twice; no two draws are equal.
    const draws = Array.from({ length: 300 }, () => randomPoolBytes(32).toString('hex'));
    expect(new Set(draws).size).toBe(300);
    expect(randomPoolBytes(5000)).toHaveLength(5000);
  });

  it('ids made in the same millisecond sort in the order they were made', () => {
    const at = Date.UTC(2026, 10, 25);
    const ids = Array.from({ length: 500 }, () => newId('invitation', at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
  });

  it('ids carry their prefix and sort by time', () => {
    const early = newId('order', Date.UTC(2026, 0, 1));
    const late = newId('order', Date.UTC(2026, 11, 1));
    expect(early).toMatch(/^ord_[0-9a-z]{26}$/);
    expect(early < late).toBe(true);
  });
});
