import { deliverOutbox, type Mailer, type PlatformContext } from '@aldea/core';

/** A running outbox delivery loop. */
export interface OutboxLoop {
  /** Stops after the run in hand and closes the mailer. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox (order emails…) every `everyMs` while the server runs.
 * Runs never overlap; delivery itself is safe with several servers (leases).
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
): OutboxLoop {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() =>
      deliverOutbox(ctx, { mailer: opts.mailer, from: opts.from, publicUrl: opts.publicUrl }).catch(
        opts.onError,
      ),
    );
  }, opts.everyMs ?? 5_000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      opts.mailer.close();
    },
  };
}
