import type { PlatformContext } from '../tenancy/context.js';
import { type RunJobsOptions, runJobs } from './run-jobs.js';

/** Options of {@link startJobWorker}. */
export interface JobWorkerOptions extends RunJobsOptions {
  /** How long to wait when the queue is empty (default 2 s). Call `wake()` to skip the wait. */
  idleMs?: number;
  /** Told about errors of the queue itself (database unavailable…); handler errors go on the job. */
  onError?(error: unknown): void;
}

/** A running worker. */
export interface JobWorker {
  /** Runs the queue now instead of at the end of the idle wait (e.g. right after an upload). */
  wake(): void;
  /** Stops after the job in hand finishes; resolves when the loop has exited. */
  stop(): Promise<void>;
}

/**
 * Runs the queue in the background of a server process until stopped: as many
 * jobs as are due, then an idle wait. Safe to run in several processes at once
 * (claims are leased).
 */
export function startJobWorker(ctx: PlatformContext, opts: JobWorkerOptions): JobWorker {
  const idleMs = opts.idleMs ?? 2000;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let woken = false;

  const idle = () =>
    new Promise<void>((resolve) => {
      if (woken || stopped) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, idleMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        woken = false;
        resolve();
      }
      wakeUp = done;
    });

  const loop = (async () => {
    while (!stopped) {
      try {
        const summary = await runJobs(ctx, opts);
        if (summary.claimed > 0 && !stopped) continue;
      } catch (error) {
        opts.onError?.(error);
      }
      await idle();
    }
  })();

  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}
