import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { AldeaError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { formatMoney } from '../money/format-money.js';
import type { PaymentGateway, PaymentProvider } from '../payments/provider.js';
import { orders } from '../schema/orders.js';
import { payments, refunds } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { getOrder } from './get-order.js';
import { type OrderView, type RefundView, toRefundView } from './views.js';

/** A refund request: an amount in the order's (captured) currency, or everything left. */
export const RefundOrderInput = z.object({
  amountMinor: z
    .number()
    .int('whole minor units')
    .positive('must be more than zero')
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
  reason: z
    .string()
    .trim()
    .max(500)
    .refine((s) => !/[<>]/.test(s), 'no < or >')
    .default(''),
});
export type RefundOrderInput = z.input<typeof RefundOrderInput>;

/** The provider a payment was made through, or PAYMENT_PROVIDER when it is not configured. */
export function providerFor(
  gateway: PaymentGateway,
  provider: 'stripe' | 'manual',
): PaymentProvider {
  if (provider === 'manual') return gateway.manual;
  if (!gateway.card) {
    throw new AldeaError('PAYMENT_PROVIDER', 'card payments are not configured on this platform');
  }
  return gateway.card;
}

/**
 * Gives money back on an order, fully or partly, through the provider that
 * took it, in the captured currency and amounts (never re-converted). The
 * amount is reserved on the payment first with a conditional update, so
 * refunds — even concurrent ones — never exceed what was captured; the provider
 * call happens outside the transaction with the refund id as idempotency key.
 * Needs `orders.refund`; audited.
 */
export async function refundOrder(
  ctx: ShopContext,
  orderId: string,
  raw: RefundOrderInput,
  deps: { gateway: PaymentGateway },
): Promise<{ refund: RefundView; order: OrderView }> {
  authorize(ctx, 'orders.refund');
  const input = parseInput(RefundOrderInput, raw);
  const now = ctx.clock.now();
  const refundId = newId('refund', now.getTime());

  const reserved = await ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.shopId, ctx.shop.id), eq(orders.id, orderId)));
    if (!order) throw notFound('order');
    const [payment] = await tx
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.shopId, ctx.shop.id),
          eq(payments.orderId, orderId),
          eq(payments.status, 'succeeded'),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(1);
    if (!payment) {
      throw new AldeaError('CONFLICT', 'nothing was captured on this order', [
        { path: 'amountMinor', message: 'no captured payment to refund', code: 'not_captured' },
      ]);
    }
    const left = payment.capturedMinor - payment.refundedMinor;
    const amount = input.amountMinor ?? left;
    const max = formatMoney(
      { amountMinor: Math.max(left, 0), currency: payment.currency },
      ctx.locale,
    );
    const updated = await tx
      .update(payments)
      .set({ refundedMinor: sql`${payments.refundedMinor} + ${amount}`, updatedAt: now })
      .where(
        and(
          eq(payments.shopId, ctx.shop.id),
          eq(payments.id, payment.id),
          sql`${payments.refundedMinor} + ${amount} <= ${payments.capturedMinor}`,
        ),
      )
      .returning({ id: payments.id });
    if (amount <= 0 || updated.length === 0) {
      throw new AldeaError('VALIDATION', `at most ${max} can be refunded`, [
        { path: 'amountMinor', message: `at most ${max} can be refunded`, code: 'too_big' },
      ]);
    }
    await tx.insert(refunds).values({
      shopId: ctx.shop.id,
      id: refundId,
      paymentId: payment.id,
      orderId,
      amountMinor: amount,
      currency: payment.currency,
      status: 'pending',
      reason: input.reason,
      createdByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'order.refund',
      entity: 'order',
      entityId: orderId,
      data: { refundId, amountMinor: amount, currency: payment.currency, reason: input.reason },
    });
    return { payment, amount };
  });

  const { payment, amount } = reserved;
  let status: 'succeeded' | 'pending' | 'failed' = 'failed';
  let providerRefundId: string | null = null;
  let failure: unknown;
  try {
    const result = await providerFor(deps.gateway, payment.provider).refund({
      refundId,
      paymentId: payment.id,
      providerPaymentId: payment.providerPaymentId,
      amount: { amountMinor: amount, currency: payment.currency },
      destinationCharge: payment.destinationAccount !== null,
    });
    status = result.status;
    providerRefundId = result.providerRefundId;
  } catch (err) {
    failure = err;
  }

  const refund = await ctx.db.transaction(async (tx) => {
    const where = and(eq(refunds.shopId, ctx.shop.id), eq(refunds.id, refundId));
    const [current] = await tx.select().from(refunds).where(where);
    // A webhook may have settled it meanwhile; never undo what the provider confirmed.
    const finalStatus = current?.status === 'succeeded' ? 'succeeded' : status;
    const [row] = await tx
      .update(refunds)
      .set({
        status: finalStatus,
        providerRefundId: providerRefundId ?? current?.providerRefundId ?? null,
        updatedAt: ctx.clock.now(),
      })
      .where(where)
      .returning();
    if (finalStatus === 'failed') {
      await tx
        .update(payments)
        .set({ refundedMinor: sql`${payments.refundedMinor} - ${amount}`, updatedAt: now })
        .where(and(eq(payments.shopId, ctx.shop.id), eq(payments.id, payment.id)));
    } else if (payment.capturedMinor - payment.refundedMinor === amount) {
      await tx
        .update(orders)
        .set({ attention: null, updatedAt: now })
        .where(
          and(
            eq(orders.shopId, ctx.shop.id),
            eq(orders.id, orderId),
            eq(orders.attention, 'payment_needs_refund'),
          ),
        );
    }
    return toRefundView(row!);
  });
  if (failure) throw failure;
  return { refund, order: await getOrder(ctx, orderId) };
}
