import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodic } from './periodic.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('startPeriodic', () => {
  it('never overlaps runs, keeps going after an error, and stop waits for the run in hand', async () => {
    vi.useFakeTimers();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const errors: unknown[] = [];
    let release: () => void = () => {};
    const task = startPeriodic(
      1_000,
      async () => {
        runs++;
        active++;
        maxActive = Math.max(maxActive, active);
        if (runs === 1) throw new Error('first run fails');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        active--;
      },
      (err) => {
        active--;
        errors.push(err);
      },
    );
    await vi.advanceTimersByTimeAsync(1_000); // run 1 fails
    await vi.advanceTimersByTimeAsync(3_000); // run 2 starts and hangs; 3 and 4 queue behind it
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
    expect(errors).toHaveLength(1);
    const stopped = task.stop();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await stopped;
    expect(maxActive).toBe(1);
    const after = runs;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(after);
  });
});
