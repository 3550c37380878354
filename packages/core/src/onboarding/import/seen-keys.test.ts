import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash52, SeenKeys } from './seen-keys.js';

describe('SeenKeys', () => {
  it('answers like a Map of strings, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 3000 }), (keys) => {
        const seen = new SeenKeys();
        const map = new Map<string, number>();
        keys.forEach((k, row) => {
          expect(seen.get(k)).toBe(map.get(k));
          if (!map.has(k)) map.set(k, row);
          seen.set(k, row);
        });
        for (const [k, row] of map) expect(seen.get(k)).toBe(row);
      }),
      { numRuns: 30 },
    );
  });

  it('spreads 200,000 SKUs without a collision', () => {
    const hashes = new Set<number>();
    for (let i = 0; i < 200_000; i++) hashes.add(hash52(`MOL-${i}`));
    expect(hashes.size).toBe(200_000);
    expect(hash52('')).not.toBe(0);
  });
});
