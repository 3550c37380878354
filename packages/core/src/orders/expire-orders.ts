import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { PaymentGateway } from '../payments/provider.js';
import { orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import { shops } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { closeUnpaidOrder } from './close-unpaid-order.js';
import { settlePayment } from './settle-payment.js';

/** What one sweep did. */
export interface SweepResult {
  expired: number;
  /** Sessions found paid while we went to expire them (a missed webhook). */
  paid: number;
  /** Left for the next sweep: the provider could not be asked, or a payment is settling. */
  skipped: number;
}

/**
 * The reservation sweeper (a platform job, across shops): every order still
 * awaiting payment after its hold ran out is expired and its stock released.
 * A card order's hosted checkout is expired at the provider first, so nobody
 * can pay for stock we gave back; if the provider says it was paid after all,
 * the order is settled instead. Run it every minute or so.
 */
export async function expireOrders(
  ctx: PlatformContext,
  opts: { gateway: PaymentGateway; limit?: number },
): Promise<SweepResult> {
  const now = ctx.clock.now();
  const result: SweepResult = { expired: 0, paid: 0, skipped: 0 };
  const due = await ctx.db.read
    .select({ shopId: orders.shopId, orderId: orders.id, slug: shops.slug })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(and(eq(orders.status, 'pending_payment'), lte(orders.reservedUntil, now)))
    .orderBy(asc(orders.reservedUntil))
    .limit(opts.limit ?? 200);

  for (const d of due) {
    const shop = { id: d.shopId, slug: d.slug };
    const [payment] = await ctx.db.read
      .select()
      .from(payments)
      .where(and(eq(payments.shopId, d.shopId), eq(payments.orderId, d.orderId)))
      .orderBy(desc(payments.createdAt))
      .limit(1);
    if (payment?.status === 'processing') {
      result.skipped++;
      continue;
    }
    if (payment?.provider === 'stripe' && payment.providerSessionId) {
      if (!opts.gateway.card) {
        result.skipped++;
        continue;
      }
      let state: Awaited<ReturnType<NonNullable<PaymentGateway['card']>['expireCheckout']>>;
      try {
        state = await opts.gateway.card.expireCheckout(payment.providerSessionId);
      } catch {
        result.skipped++; // ask again next time; never release stock a buyer may be paying for
        continue;
      }
      if (state.status === 'complete' && state.paymentStatus === 'paid' && state.amount) {
        const captured = state.amount;
        await ctx.db.transaction((tx) =>
          settlePayment(tx, {
            shop,
            paymentId: payment.id,
            captured,
            providerPaymentId: state.paymentIntentId,
            now,
          }),
        );
        result.paid++;
        continue;
      }
      if (state.status === 'complete') {
        result.skipped++; // an async payment is settling: its webhook decides
        continue;
      }
    }
    const closed = await ctx.db.transaction((tx) =>
      closeUnpaidOrder(tx, { shop, orderId: d.orderId, to: 'expired', now }),
    );
    if (closed) result.expired++;
    else result.skipped++;
  }
  return result;
}
