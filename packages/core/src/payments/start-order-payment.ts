import { and, desc, eq, isNull } from 'drizzle-orm';
import { AldeaError, notFound } from '../errors.js';
import { orderStatusPath } from '../orders/order-emails.js';
import { orders } from '../schema/orders.js';
import { payments } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';
import type { PaymentGateway } from './provider.js';

/** Where links in payment flows point: the platform's public address. */
export interface PaymentLinks {
  /** `https://aldea.example.org` — no trailing slash needed. */
  publicUrl: string;
}

/** What the buyer should do next to pay. */
export type PaymentNext =
  | { kind: 'redirect'; url: string }
  | { kind: 'instructions' }
  /** Nothing to pay (already paid, expired or cancelled). */
  | { kind: 'none' };

/**
 * Starts (or resumes) paying an order that awaits payment: for a card payment,
 * the hosted checkout page — created once, with the payment id as idempotency
 * key, so a retry after a network error or a double click gets the same
 * session; for a manual method, the instructions. The order becomes paid only
 * from the provider's signed event, never from coming back to our page.
 *
 * @throws AldeaError PAYMENT_PROVIDER when the provider cannot be reached (nothing changed)
 */
export async function startOrderPayment(
  ctx: ShopContext,
  orderId: string,
  deps: { gateway: PaymentGateway; links: PaymentLinks },
): Promise<PaymentNext> {
  const [order] = await ctx.db.read
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, ctx.shop.id), eq(orders.id, orderId)));
  if (!order) throw notFound('order');
  if (order.status !== 'pending_payment') return { kind: 'none' };
  const [payment] = await ctx.db.read
    .select()
    .from(payments)
    .where(and(eq(payments.shopId, ctx.shop.id), eq(payments.orderId, orderId)))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (payment?.status !== 'pending') return { kind: 'none' };
  if (payment.provider === 'manual') return { kind: 'instructions' };
  const now = ctx.clock.now();
  if (payment.checkoutUrl && payment.providerExpiresAt && payment.providerExpiresAt > now) {
    return { kind: 'redirect', url: payment.checkoutUrl };
  }
  if (payment.providerSessionId) return { kind: 'none' }; // its session ran out: the sweeper closes it
  if (!deps.gateway.card) {
    throw new AldeaError('PAYMENT_PROVIDER', 'card payments are not configured on this platform');
  }
  const base = deps.links.publicUrl.replace(/\/$/, '');
  const statusUrl = `${base}${orderStatusPath(ctx.shop.slug, order.statusToken)}`;
  const started = await deps.gateway.card.start({
    paymentId: payment.id,
    shopId: ctx.shop.id,
    orderId,
    orderNumber: order.number,
    amount: { amountMinor: payment.amountMinor, currency: payment.currency },
    email: order.email,
    locale: order.locale,
    description: `Order ${order.number} — ${ctx.shop.slug}`,
    returnUrl: `${statusUrl}?from=checkout`,
    cancelUrl: statusUrl,
    expiresAt: order.reservedUntil,
    ...(payment.destinationAccount
      ? {
          destination: {
            accountId: payment.destinationAccount,
            feeMinor: payment.platformFeeMinor,
          },
        }
      : {}),
  });
  if (started.kind !== 'redirect') return started;
  await ctx.db.transaction((tx) =>
    tx
      .update(payments)
      .set({
        providerSessionId: started.sessionId,
        checkoutUrl: started.url,
        providerExpiresAt: started.expiresAt,
        updatedAt: ctx.clock.now(),
      })
      .where(
        and(
          eq(payments.shopId, ctx.shop.id),
          eq(payments.id, payment.id),
          isNull(payments.providerSessionId),
        ),
      ),
  );
  return { kind: 'redirect', url: started.url };
}
