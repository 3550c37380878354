import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { orderLines, orders } from '../schema/orders.js';
import { payments, refunds } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';
import { type OrderView, toOrderView } from './views.js';

/** Loads an order with its lines, latest payment and refunds (four statements). */
export async function loadOrderView(
  db: Db,
  shopId: string,
  where: SQL,
): Promise<OrderView | undefined> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, shopId), where));
  if (!order) return undefined;
  const lines = await db
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.shopId, shopId), eq(orderLines.orderId, order.id)));
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.shopId, shopId), eq(payments.orderId, order.id)))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  const refundRows = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, order.id)))
    .orderBy(refunds.createdAt);
  return toOrderView(order, lines, payment, refundRows);
}

/**
 * An order of this shop, for the seller's screens. Needs `shop.read`.
 * Another shop's order id is NOT_FOUND.
 */
export async function getOrder(ctx: ShopContext, orderId: string): Promise<OrderView> {
  authorize(ctx, 'shop.read');
  const view = await loadOrderView(ctx.db.read, ctx.shop.id, eq(orders.id, orderId));
  if (!view) throw notFound('order');
  return view;
}

const STATUS_TOKEN = /^(?:(\d{1,12})\.)?[A-Za-z0-9_-]{43}$/;

/**
 * True for something shaped like a status token: `{order number}.{secret}`, or
 * the secret alone (orders placed before the number led it), the secret being
 * `newSecretToken()`'s 43 base64url characters.
 */
export function isStatusToken(token: string): boolean {
  return STATUS_TOKEN.test(token);
}

/**
 * The order behind a buyer's status link, or NOT_FOUND. The unguessable token
 * is the buyer's only credential; the link names the shop too, and a token of
 * another shop's order is NOT_FOUND here. Found by the order number the token
 * starts with (the whole token must match), or, for a token from before
 * numbers led it, by the token's own index.
 */
export async function getOrderByStatusToken(ctx: ShopContext, token: string): Promise<OrderView> {
  const shape = STATUS_TOKEN.exec(token);
  if (!shape) throw notFound('order');
  const where = shape[1]
    ? and(eq(orders.number, Number(shape[1])), eq(orders.statusToken, token))
    : and(eq(orders.statusToken, token), sql`instr(${orders.statusToken}, '.') = 0`);
  const view = await loadOrderView(ctx.db.read, ctx.shop.id, where!);
  if (!view) throw notFound('order');
  return view;
}
