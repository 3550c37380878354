import {
  getOrder,
  listOrders,
  RefundOrderInput,
  refundOrder,
  ShipOrderInput,
  shipOrder,
} from '@aldea/core';
import { createRoute, z } from '@hono/zod-openapi';
import { problems, TOKEN_READ, TOKEN_WRITE } from '../http/problem-schema.js';
import { tokenShop } from '../middleware/shop-access.js';
import { idPath, PageQuery, pageOf, ShopPath } from '../schemas/common.js';
import {
  ORDER_STATUSES,
  Order,
  OrderSummary,
  Refund,
  toOrder,
  toOrderSummary,
  toRefund,
} from '../schemas/orders.js';
import { json, jsonBody, NOT_MODIFIED, needs, newRouter } from './route-kit.js';

const TAG = 'Shop orders';
const BASE = '/admin/shops/{shop}/orders';
const OrderPath = ShopPath.merge(idPath('order', 'ord_01jd3k8w2x9m4q7rtv5bz6c8ha'));

const listRoute = createRoute({
  method: 'get',
  path: BASE,
  operationId: 'listOrders',
  tags: [TAG],
  summary: 'A page of the shop’s orders, newest first',
  security: needs('orders:read'),
  middleware: [tokenShop('orders:read')] as const,
  request: {
    params: ShopPath,
    query: z.object({
      status: z
        .enum(ORDER_STATUSES)
        .optional()
        .openapi({ param: { name: 'status', in: 'query' } }),
      ...PageQuery,
    }),
  },
  responses: {
    200: json(pageOf(OrderSummary, 'OrderPage'), 'A page of orders'),
    ...NOT_MODIFIED,
    ...problems(TOKEN_READ),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: `${BASE}/{order}`,
  operationId: 'getOrder',
  tags: [TAG],
  summary: 'An order with its lines, payment and refunds',
  security: needs('orders:read'),
  middleware: [tokenShop('orders:read')] as const,
  request: { params: OrderPath },
  responses: { 200: json(Order, 'The order'), ...NOT_MODIFIED, ...problems(TOKEN_READ) },
});

const shipRoute = createRoute({
  method: 'post',
  path: `${BASE}/{order}/ship`,
  operationId: 'shipOrder',
  tags: [TAG],
  summary: 'Mark a paid order shipped, with carrier and tracking; the buyer is emailed',
  security: needs('orders:write'),
  middleware: [tokenShop('orders:write')] as const,
  request: { params: OrderPath, body: jsonBody(ShipOrderInput, 'ShipOrderInput') },
  responses: { 200: json(Order, 'The shipped order'), ...problems(TOKEN_WRITE) },
});

const refundRoute = createRoute({
  method: 'post',
  path: `${BASE}/{order}/refunds`,
  operationId: 'refundOrder',
  tags: [TAG],
  summary: 'Give money back, fully or partly, in the currency the buyer paid',
  description:
    'Without `amountMinor`, everything not yet refunded. Amounts are minor units of the order’s currency; never converted again.',
  security: needs('orders:write'),
  middleware: [tokenShop('orders:write')] as const,
  request: { params: OrderPath, body: jsonBody(RefundOrderInput, 'RefundOrderInput') },
  responses: {
    201: json(
      z.object({ refund: Refund, order: Order }).openapi('RefundResult'),
      'The refund and the order',
    ),
    ...problems([...TOKEN_WRITE, 502]),
  },
});

/** Orders, for tokens with `orders:read` / `orders:write`. */
export function adminOrderRoutes() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const page = await listOrders(c.get('shop'), c.req.valid('query'));
      return c.json({ items: page.items.map(toOrderSummary), nextCursor: page.nextCursor }, 200);
    })
    .openapi(getRoute, async (c) =>
      c.json(toOrder(await getOrder(c.get('shop'), c.req.valid('param').order)), 200),
    )
    .openapi(shipRoute, async (c) => {
      const order = await shipOrder(c.get('shop'), c.req.valid('param').order, c.req.valid('json'));
      return c.json(toOrder(order), 200);
    })
    .openapi(refundRoute, async (c) => {
      const { refund, order } = await refundOrder(
        c.get('shop'),
        c.req.valid('param').order,
        c.req.valid('json'),
        { gateway: c.get('deps').payments },
      );
      return c.json({ refund: toRefund(refund), order: toOrder(order) }, 201);
    });
}
