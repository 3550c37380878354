import { expireOrders, type PaymentGateway, type PlatformContext } from '@aldea/core';
import { type PeriodicTask, startPeriodic } from './periodic.js';

/**
 * Releases the stock of orders whose payment window ran out (card checkouts
 * after ~30 min, bank transfers after the shop's days), every `everyMs`.
 * `expireOrders` asks Stripe first, so a payment that raced the deadline is
 * kept, not lost.
 */
export function startOrderSweeper(
  ctx: PlatformContext,
  opts: { gateway: PaymentGateway; everyMs?: number; onError(err: unknown): void },
): PeriodicTask {
  return startPeriodic(
    opts.everyMs ?? 60_000,
    () => expireOrders(ctx, { gateway: opts.gateway }),
    opts.onError,
  );
}
