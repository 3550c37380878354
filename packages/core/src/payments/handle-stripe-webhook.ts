import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AldeaError } from '../errors.js';
import { newId } from '../ids.js';
import { orders } from '../schema/orders.js';
import { payments, refunds, webhookEvents } from '../schema/payments.js';
import { shops } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { applyCheckoutState } from './apply-checkout-state.js';
import type { PaymentEvent, PaymentGateway } from './provider.js';

/** What handling one webhook delivery did. */
export interface WebhookResult {
  eventId: string;
  type: string;
  /** `duplicate`: this event id was processed before; nothing was done again. */
  status: 'processed' | 'duplicate' | 'ignored';
  outcome: string;
  orderId: string | null;
}

type PaymentRow = typeof payments.$inferSelect;

async function findPaymentForCheckout(
  db: Db,
  event: Extract<PaymentEvent, { kind: 'checkout' }>,
): Promise<PaymentRow | undefined> {
  const [bySession] = await db
    .select()
    .from(payments)
    .where(eq(payments.providerSessionId, event.state.sessionId));
  if (bySession) return bySession;
  // The session was created but our write of its id has not landed yet: the
  // metadata we gave Stripe names the payment. It must be a Stripe payment
  // with no other session.
  const { shop_id: shopId, payment_id: paymentId } = event.state.metadata;
  if (!shopId || !paymentId) return undefined;
  const [byMeta] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.shopId, shopId), eq(payments.id, paymentId)));
  if (byMeta?.provider !== 'stripe') return undefined;
  if (byMeta.providerSessionId && byMeta.providerSessionId !== event.state.sessionId) {
    return undefined;
  }
  return byMeta;
}

async function recordEvent(
  tx: Db,
  event: PaymentEvent,
  shopId: string | null,
  orderId: string | null,
  outcome: string,
  now: Date,
): Promise<boolean> {
  const inserted = await tx
    .insert(webhookEvents)
    .values({
      id: newId('webhookEvent', now.getTime()),
      provider: 'stripe',
      eventId: event.id,
      type: event.type,
      shopId,
      orderId,
      outcome,
      receivedAt: now,
    })
    .onConflictDoNothing({ target: [webhookEvents.provider, webhookEvents.eventId] })
    .returning({ id: webhookEvents.id });
  return inserted.length > 0;
}

async function setOutcome(tx: Db, event: PaymentEvent, outcome: string) {
  await tx
    .update(webhookEvents)
    .set({ outcome })
    .where(and(eq(webhookEvents.provider, 'stripe'), eq(webhookEvents.eventId, event.id)));
}

async function syncRefunds(
  tx: Db,
  payment: PaymentRow,
  event: Extract<PaymentEvent, { kind: 'charge_refunded' }>,
  now: Date,
): Promise<string> {
  let external = 0;
  for (const r of event.refunds) {
    const status =
      r.status === 'succeeded'
        ? 'succeeded'
        : r.status === 'failed' || r.status === 'canceled'
          ? 'failed'
          : 'pending';
    const mine = r.refundId
      ? and(eq(refunds.shopId, payment.shopId), eq(refunds.id, r.refundId))
      : eq(refunds.providerRefundId, r.id);
    const [known] = await tx.select().from(refunds).where(mine);
    if (known) {
      if (known.status === 'pending' && status !== 'pending') {
        await tx
          .update(refunds)
          .set({ status, providerRefundId: r.id, updatedAt: now })
          .where(and(eq(refunds.shopId, known.shopId), eq(refunds.id, known.id)));
        if (status === 'failed') {
          await tx
            .update(payments)
            .set({
              refundedMinor: sql`${payments.refundedMinor} - ${known.amountMinor}`,
              updatedAt: now,
            })
            .where(and(eq(payments.shopId, payment.shopId), eq(payments.id, payment.id)));
        }
      }
      continue;
    }
    if (status !== 'succeeded') continue;
    // Made in the Stripe dashboard: record it, within what was captured.
    const counted = await tx
      .update(payments)
      .set({
        refundedMinor: sql`${payments.refundedMinor} + ${r.amount.amountMinor}`,
        updatedAt: now,
      })
      .where(
        and(
          eq(payments.shopId, payment.shopId),
          eq(payments.id, payment.id),
          sql`${payments.refundedMinor} + ${r.amount.amountMinor} <= ${payments.capturedMinor}`,
        ),
      )
      .returning({ id: payments.id });
    if (counted.length === 0) continue;
    await tx.insert(refunds).values({
      shopId: payment.shopId,
      id: newId('refund', now.getTime()),
      paymentId: payment.id,
      orderId: payment.orderId,
      amountMinor: r.amount.amountMinor,
      currency: r.amount.currency,
      status: 'succeeded',
      providerRefundId: r.id,
      reason: 'refunded outside Aldea',
      external: true,
      createdAt: now,
      updatedAt: now,
    });
    external++;
  }
  return external > 0 ? `refunds synced (${external} external)` : 'refunds synced';
}

/**
 * Handles one Stripe webhook delivery: verifies the signature on the raw body
 * with the SDK (an unsigned, wrongly signed or week-old replayed event is
 * UNAUTHENTICATED and changes nothing), then — in one transaction — records the
 * event id under a unique key and applies it. A second delivery of the same
 * event is `duplicate`. An event for a session or charge we do not know is
 * NOT_FOUND (nothing recorded, so the provider may retry it once our side has
 * caught up). Platform level: the event names the shop.
 */
export async function handleStripeWebhook(
  ctx: PlatformContext,
  delivery: { rawBody: string | Uint8Array; signature: string | undefined },
  deps: { gateway: PaymentGateway },
): Promise<WebhookResult> {
  const card = deps.gateway.card;
  if (!card) throw new AldeaError('PAYMENT_PROVIDER', 'Stripe is not configured on this platform');
  const event = card.verifyWebhook(delivery.rawBody, delivery.signature);
  const now = ctx.clock.now();
  const base = { eventId: event.id, type: event.type };
  const [seen] = await ctx.db.read
    .select({ outcome: webhookEvents.outcome, orderId: webhookEvents.orderId })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.provider, 'stripe'), eq(webhookEvents.eventId, event.id)));
  if (seen) return { ...base, status: 'duplicate', outcome: seen.outcome, orderId: seen.orderId };

  if (event.kind === 'other') {
    const fresh = await ctx.db.transaction((tx) =>
      recordEvent(tx, event, null, null, 'ignored', now),
    );
    return { ...base, status: fresh ? 'ignored' : 'duplicate', outcome: 'ignored', orderId: null };
  }

  const payment =
    event.kind === 'checkout'
      ? await findPaymentForCheckout(ctx.db.read, event)
      : (
          await ctx.db.read
            .select()
            .from(payments)
            .where(eq(payments.providerPaymentId, event.paymentIntentId))
        )[0];
  if (!payment) {
    throw new AldeaError(
      'NOT_FOUND',
      event.kind === 'checkout'
        ? `unknown checkout session ${event.state.sessionId}`
        : `unknown payment ${event.paymentIntentId}`,
    );
  }
  const [shop] = await ctx.db.read
    .select({ id: shops.id, slug: shops.slug })
    .from(shops)
    .where(eq(shops.id, payment.shopId));
  if (!shop) throw new AldeaError('NOT_FOUND', 'shop of the payment is gone');

  return ctx.db.transaction(async (tx) => {
    const fresh = await recordEvent(tx, event, shop.id, payment.orderId, 'processing', now);
    if (!fresh) {
      return {
        ...base,
        status: 'duplicate' as const,
        outcome: 'duplicate',
        orderId: payment.orderId,
      };
    }
    // Re-read inside the transaction: the decision must see the latest state.
    const [current] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.shopId, shop.id), eq(payments.id, payment.id)));
    let outcome: string;
    if (event.kind === 'checkout') {
      if (current!.providerSessionId === null) {
        await tx
          .update(payments)
          .set({ providerSessionId: event.state.sessionId, updatedAt: now })
          .where(and(eq(payments.shopId, shop.id), eq(payments.id, payment.id)));
      }
      outcome = await applyCheckoutState(tx, {
        shop,
        payment: current!,
        change: event.change,
        state: event.state,
        now,
      });
    } else {
      outcome = await syncRefunds(tx, current!, event, now);
    }
    await setOutcome(tx, event, outcome);
    const [order] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.shopId, shop.id), eq(orders.id, payment.orderId)));
    return { ...base, status: 'processed' as const, outcome, orderId: order?.id ?? null };
  });
}
