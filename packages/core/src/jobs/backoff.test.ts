import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [50, 3_600_000],
  ])('after attempt %i waits %i ms by default', (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms);
  });

  it('never shrinks as attempts grow and never passes the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (attempt, baseMs, extra) => {
          const policy = { baseMs, maxMs: baseMs + extra };
          const a = retryDelayMs(attempt, policy);
          const b = retryDelayMs(attempt + 1, policy);
          return a >= baseMs && a <= policy.maxMs && b >= a && Number.isSafeInteger(a);
        },
      ),
    );
  });

  it('defaults to 30 s doubling', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 30_000, maxMs: 3_600_000 });
  });
});
