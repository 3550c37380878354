import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { payments } from '../schema/payments.js';
import { shops } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { applyCheckoutState, type CheckoutOutcome } from './apply-checkout-state.js';
import type { PaymentGateway } from './provider.js';

/** What a reconcile run found. */
export interface ReconcileResult {
  checked: number;
  /** Per payment whose records changed: what happened. */
  changed: { paymentId: string; orderId: string; outcome: CheckoutOutcome }[];
  /** Payments the provider could not be asked about (tried again next run). */
  errors: { paymentId: string; message: string }[];
}

/**
 * Asks Stripe for the state of every card payment still pending or settling
 * (a platform command, across shops: `aldea payments reconcile`), and applies
 * what it says exactly as a webhook would — for the webhooks that never
 * arrived. Safe to run any time, as often as wanted.
 */
export async function reconcilePayments(
  ctx: PlatformContext,
  opts: { gateway: PaymentGateway; olderThanMinutes?: number; limit?: number },
): Promise<ReconcileResult> {
  const result: ReconcileResult = { checked: 0, changed: [], errors: [] };
  const card = opts.gateway.card;
  if (!card) return result;
  const now = ctx.clock.now();
  const before = new Date(now.getTime() - (opts.olderThanMinutes ?? 0) * 60_000);
  const open = await ctx.db.read
    .select({ payment: payments, slug: shops.slug })
    .from(payments)
    .innerJoin(shops, eq(shops.id, payments.shopId))
    .where(
      and(
        eq(payments.provider, 'stripe'),
        inArray(payments.status, ['pending', 'processing']),
        isNotNull(payments.providerSessionId),
        lte(payments.createdAt, before),
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(opts.limit ?? 500);
  for (const { payment, slug } of open) {
    result.checked++;
    let state: Awaited<ReturnType<typeof card.getCheckout>>;
    try {
      state = await card.getCheckout(payment.providerSessionId!);
    } catch (err) {
      result.errors.push({ paymentId: payment.id, message: (err as Error).message });
      continue;
    }
    const outcome = await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.shopId, payment.shopId), eq(payments.id, payment.id)));
      return applyCheckoutState(tx, {
        shop: { id: payment.shopId, slug },
        payment: current!,
        change: 'observed',
        state,
        now: ctx.clock.now(),
      });
    });
    if (outcome !== 'unchanged' && outcome !== 'already_paid') {
      result.changed.push({ paymentId: payment.id, orderId: payment.orderId, outcome });
    }
  }
  return result;
}
