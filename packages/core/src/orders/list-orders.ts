import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import { ORDER_STATUSES, type OrderStatus, orderLines, orders } from '../schema/orders.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';

/** Filters and paging of the seller's order list. Pages go by order number, newest first. */
export const ListOrdersInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,12}$/, 'not a cursor this list gave out')
    .optional(),
});
export type ListOrdersInput = z.input<typeof ListOrdersInput>;

/** One row of the seller's order list. */
export interface OrderSummary {
  id: string;
  number: number;
  status: OrderStatus;
  email: string;
  buyerName: string;
  country: string;
  currency: string;
  totalMinor: number;
  paymentMethod: string;
  itemCount: number;
  shipBy: Date;
  attention: string | null;
  createdAt: Date;
}

/**
 * The shop's orders, newest first, optionally of one status (two statements
 * per page whatever its size). Needs `shop.read`.
 */
export async function listOrders(
  ctx: ShopContext,
  raw: ListOrdersInput = {},
): Promise<{ items: OrderSummary[]; nextCursor: string | null }> {
  authorize(ctx, 'shop.read');
  const input = parseInput(ListOrdersInput, raw);
  const rows = await ctx.db.read
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.shopId, ctx.shop.id),
        input.status ? eq(orders.status, input.status) : undefined,
        input.cursor ? lt(orders.number, Number(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(orders.number))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const counts = new Map<string, number>();
  if (page.length > 0) {
    const lines = await ctx.db.read
      .select({ orderId: orderLines.orderId, quantity: orderLines.quantity })
      .from(orderLines)
      .where(
        and(
          eq(orderLines.shopId, ctx.shop.id),
          inArray(
            orderLines.orderId,
            page.map((o) => o.id),
          ),
        ),
      );
    for (const l of lines) counts.set(l.orderId, (counts.get(l.orderId) ?? 0) + l.quantity);
  }
  return {
    items: page.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      email: o.email,
      buyerName: o.shippingAddress.name,
      country: o.country,
      currency: o.currency,
      totalMinor: o.totalMinor,
      paymentMethod: o.paymentMethod,
      itemCount: counts.get(o.id) ?? 0,
      shipBy: o.shipBy,
      attention: o.attention,
      createdAt: o.createdAt,
    })),
    nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.number) : null,
  };
}
