import { deliverOutbox, type Mailer, type PlatformContext, type SmsSender } from '@aldea/core';
import { type PeriodicTask, startPeriodic } from './periodic.js';

/**
 * Delivers the outbox (order emails, invitations and password resets by email
 * or SMS) every `everyMs` while the server runs. A channel without a sender is
 * left alone: its messages wait in the outbox. Delivery itself is safe with
 * several servers (leases).
 */
export function startOutboxLoop(
  ctx: PlatformContext,
  opts: {
    mailer?: Mailer;
    from?: string;
    smsSender?: SmsSender;
    publicUrl: string;
    everyMs?: number;
    onError(err: unknown): void;
  },
): PeriodicTask {
  const task = startPeriodic(
    opts.everyMs ?? 5_000,
    () =>
      deliverOutbox(ctx, {
        mailer: opts.mailer,
        from: opts.from,
        smsSender: opts.smsSender,
        publicUrl: opts.publicUrl,
      }),
    opts.onError,
  );
  return {
    async stop() {
      await task.stop();
      opts.mailer?.close();
      opts.smsSender?.close?.();
    },
  };
}
