import { deliverOutbox, type Mailer, type PlatformContext } from '@aldea/core';
import { type PeriodicTask, startPeriodic } from './periodic.js';

/**
 * Delivers the outbox (order emails, password resets…) every `everyMs` while
 * the server runs. Delivery itself is safe with several servers (leases).
 */
export function startOutboxLoop(
  ctx: PlatformContext,
  opts: {
    mailer: Mailer;
    from: string;
    publicUrl: string;
    everyMs?: number;
    onError(err: unknown): void;
  },
): PeriodicTask {
  const task = startPeriodic(
    opts.everyMs ?? 5_000,
    () => deliverOutbox(ctx, { mailer: opts.mailer, from: opts.from, publicUrl: opts.publicUrl }),
    opts.onError,
  );
  return {
    async stop() {
      await task.stop();
      opts.mailer.close();
    },
  };
}
