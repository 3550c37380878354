import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { notFound } from '../errors.js';
import { orderLines, orders } from '../schema/orders.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { getOrder } from './get-order.js';
import { sendOrderEmail } from './order-emails.js';
import { assertTransition } from './order-status.js';
import type { OrderView } from './views.js';

const NoMarkup = (s: string) => !/[<>]/.test(s);

/** Carrier and tracking of a shipped order. */
export const ShipOrderInput = z.object({
  carrier: z.string().trim().min(1).max(80).refine(NoMarkup, 'no < or >'),
  trackingNumber: z.string().trim().min(1).max(80).refine(NoMarkup, 'no < or >'),
  trackingUrl: z
    .url({ protocol: /^https?$/, error: 'a web address starting with https://' })
    .max(500)
    .optional(),
});
export type ShipOrderInput = z.input<typeof ShipOrderInput>;

/**
 * Marks a paid order shipped with its carrier and tracking, and emails the
 * buyer. Needs `orders.manage`; audited.
 */
export async function shipOrder(
  ctx: ShopContext,
  orderId: string,
  raw: ShipOrderInput,
): Promise<OrderView> {
  authorize(ctx, 'orders.manage');
  const input = parseInput(ShipOrderInput, raw);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(orders.shopId, ctx.shop.id), eq(orders.id, orderId));
    const [order] = await tx.select({ status: orders.status }).from(orders).where(where);
    if (!order) throw notFound('order');
    assertTransition(order.status, 'shipped');
    const [shipped] = await tx
      .update(orders)
      .set({
        status: 'shipped',
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        trackingUrl: input.trackingUrl ?? null,
        shippedAt: now,
        updatedAt: now,
      })
      .where(and(where, eq(orders.status, order.status)))
      .returning();
    const lines = await tx
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.shopId, ctx.shop.id), eq(orderLines.orderId, orderId)));
    await sendOrderEmail(tx, now, 'order.shipped', shipped!, lines, ctx.shop.slug);
    await recordAudit(tx, ctx, {
      action: 'order.ship',
      entity: 'order',
      entityId: orderId,
      data: input,
    });
  });
  return getOrder(ctx, orderId);
}

/** Marks a shipped order delivered. Needs `orders.manage`; audited. */
export async function markOrderDelivered(ctx: ShopContext, orderId: string): Promise<OrderView> {
  authorize(ctx, 'orders.manage');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(orders.shopId, ctx.shop.id), eq(orders.id, orderId));
    const [order] = await tx.select({ status: orders.status }).from(orders).where(where);
    if (!order) throw notFound('order');
    assertTransition(order.status, 'delivered');
    await tx
      .update(orders)
      .set({ status: 'delivered', deliveredAt: now, updatedAt: now })
      .where(where);
    await recordAudit(tx, ctx, { action: 'order.deliver', entity: 'order', entityId: orderId });
  });
  return getOrder(ctx, orderId);
}
