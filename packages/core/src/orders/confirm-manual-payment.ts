import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { AldeaError, notFound } from '../errors.js';
import { orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';
import { getOrder } from './get-order.js';
import { type SettleOutcome, settlePayment } from './settle-payment.js';
import type { OrderView } from './views.js';

/**
 * The seller (or the village trainer) confirms that a bank transfer, cash or
 * co-op payment arrived: the order becomes paid, its stock sold, the buyer and
 * the seller emailed. Needs `orders.manage`; audited. Confirming twice changes
 * nothing the second time. A payment confirmed after the order expired takes
 * the stock again when it is still there, else the order is flagged for a
 * refund (`outcome: 'needs_refund'`).
 */
export async function confirmManualPayment(
  ctx: ShopContext,
  orderId: string,
): Promise<{ outcome: SettleOutcome; order: OrderView }> {
  authorize(ctx, 'orders.manage');
  const now = ctx.clock.now();
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const outcome = await ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select({ status: orders.status, paymentMethod: orders.paymentMethod })
      .from(orders)
      .where(and(eq(orders.shopId, ctx.shop.id), eq(orders.id, orderId)));
    if (!order) throw notFound('order');
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.shopId, ctx.shop.id), eq(payments.orderId, orderId)))
      .orderBy(desc(payments.createdAt))
      .limit(1);
    if (payment?.provider !== 'manual') {
      throw new AldeaError('CONFLICT', 'only manual payments are confirmed by hand', [
        { path: 'paymentMethod', message: 'this order is paid by card', code: 'not_manual' },
      ]);
    }
    if (order.status === 'cancelled') {
      throw new AldeaError('CONFLICT', 'a cancelled order cannot be paid', [
        { path: 'status', message: 'the order is cancelled', code: 'illegal_transition' },
      ]);
    }
    const result = await settlePayment(tx, {
      shop: ctx.shop,
      paymentId: payment.id,
      captured: { amountMinor: payment.amountMinor, currency: payment.currency },
      confirmedByUserId: userId,
      now,
    });
    if (result !== 'already_paid') {
      await recordAudit(tx, ctx, {
        action: 'order.payment.confirm',
        entity: 'order',
        entityId: orderId,
        data: { paymentId: payment.id, amountMinor: payment.amountMinor, outcome: result },
      });
    }
    return result;
  });
  return { outcome, order: await getOrder(ctx, orderId) };
}
