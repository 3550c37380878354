/** A task run on a timer while the server runs. */
export interface PeriodicTask {
  /** Stops the timer and waits for the run in hand. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `everyMs`. Runs never overlap (a slow run delays the next
 * one instead of stacking them), and an error goes to `onError` without
 * stopping the timer.
 */
export function startPeriodic(
  everyMs: number,
  task: () => Promise<unknown>,
  onError: (err: unknown) => void,
): PeriodicTask {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => task().catch(onError));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
