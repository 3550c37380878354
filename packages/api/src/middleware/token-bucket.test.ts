import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.js';

describe('TokenBuckets', () => {
  it('allows a burst up to the capacity, then refuses with the wait until the next request', () => {
    const b = new TokenBuckets({ capacity: 3, refillPerMinute: 6 }); // one every 10 s
    expect([0, 0, 0].map((t) => b.take('k', t).remaining)).toEqual([2, 1, 0]);
    const refused = b.take('k', 0);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 10 });
    expect(refused.resetSeconds).toBe(30);
    expect(b.take('k', 9_000).allowed).toBe(false);
    expect(b.take('k', 10_000)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('keeps keys apart', () => {
    const b = new TokenBuckets({ capacity: 1, refillPerMinute: 1 });
    expect(b.take('a', 0).allowed).toBe(true);
    expect(b.take('a', 0).allowed).toBe(false);
    expect(b.take('b', 0).allowed).toBe(true);
  });

  it('never holds more than maxKeys buckets, dropping the least recently used', () => {
    const b = new TokenBuckets({ capacity: 1, refillPerMinute: 1 }, 2);
    b.take('a', 0);
    b.take('b', 0);
    b.take('a', 1);
    b.take('c', 2);
    expect(b.size).toBe(2);
    expect(b.take('a', 3).allowed).toBe(false); // kept: used recently, still empty
    expect(b.take('b', 3).allowed).toBe(true); // dropped, so it starts full
  });

  it('refuses nonsense policies', () => {
    expect(() => new TokenBuckets({ capacity: 0, refillPerMinute: 1 })).toThrow(RangeError);
    expect(() => new TokenBuckets({ capacity: 1, refillPerMinute: 0 })).toThrow(RangeError);
  });

  it('never allows more than capacity + rate × time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 600 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 200 }),
        (capacity, refillPerMinute, gaps) => {
          const b = new TokenBuckets({ capacity, refillPerMinute });
          let t = 0;
          let allowed = 0;
          for (const gap of gaps) {
            t += gap;
            if (b.take('k', t).allowed) allowed++;
          }
          expect(allowed).toBeLessThanOrEqual(
            capacity + Math.floor((t * refillPerMinute) / 60_000),
          );
        },
      ),
    );
  });
});
