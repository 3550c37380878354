import { describe, expect, it } from 'vitest';
import { percentOf, phaseAt, phaseSpans, progressThrottle } from './import-jobs-payload.js';

describe('import progress bar', () => {
  it('lays out the phases by mode and photos, and reads the phase back from the percent', () => {
    const dry = phaseSpans('dry-run', true);
    expect(percentOf(dry, { phase: 'checking', done: 50, total: 200 })).toBe(25);
    expect(phaseAt(dry, 'running', 99)).toBe('checking');
    const plain = phaseSpans('good-rows', false);
    expect(percentOf(plain, { phase: 'checking', done: 200, total: 200 })).toBe(50);
    expect(phaseAt(plain, 'running', 49)).toBe('checking');
    expect(phaseAt(plain, 'running', 50)).toBe('writing');
    const photos = phaseSpans('all-or-nothing', true);
    expect(percentOf(photos, { phase: 'photos', done: 1, total: 4 })).toBe(40);
    expect(phaseAt(photos, 'running', 40)).toBe('photos');
    expect(phaseAt(photos, 'running', 70)).toBe('writing');
    // Queued, done and failed jobs have no phase; a zero total is not a division by zero.
    expect(phaseAt(photos, 'queued', 0)).toBeNull();
    expect(phaseAt(photos, 'done', 100)).toBeNull();
    expect(percentOf(plain, { phase: 'checking', done: 0, total: 0 })).toBe(0);
  });

  it('writes whole percents forward only, throttled except at a phase end, never for the write pass', async () => {
    let t = 0;
    const written: number[] = [];
    const bar = progressThrottle(
      phaseSpans('all-or-nothing', false),
      async (p) => {
        written.push(p);
      },
      250,
      () => t,
    );
    const check = (done: number) => bar.onProgress({ phase: 'checking', done, total: 100 });
    check(10); // 5
    check(12); // 6, but only 0 ms later: dropped
    t = 300;
    check(11); // 5 again: never backwards
    check(40); // 20
    t = 310;
    check(100); // 50: a phase's end always goes through
    t = 1000;
    bar.onProgress({ phase: 'writing', done: 50, total: 100 });
    await bar.flush();
    expect(written).toEqual([5, 20, 50]);
  });

  it('never lets a failing progress write fail the import', async () => {
    const bar = progressThrottle(
      phaseSpans('dry-run', false),
      () => Promise.reject(new Error('x')),
      0,
    );
    bar.onProgress({ phase: 'checking', done: 1, total: 2 });
    await expect(bar.flush()).resolves.toBeUndefined();
  });
});
