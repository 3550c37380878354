/** Public API of orders/ (re-exported by the package entry). */

export type {
  CheckoutLineRef,
  LineSnapshot,
  OrderStatus,
  PaymentMethod,
  PostalAddress,
  ShippingSnapshot,
} from '../schema/orders.js';
export { CancelOrderInput, cancelOrder } from './cancel-order.js';
export { confirmManualPayment } from './confirm-manual-payment.js';
export { expireOrders, type SweepResult } from './expire-orders.js';
export { markOrderDelivered, ShipOrderInput, shipOrder } from './fulfil-order.js';
export { getOrder, getOrderByStatusToken, isStatusToken } from './get-order.js';
export { ListOrdersInput, listOrders, type OrderSummary } from './list-orders.js';
export { orderStatusPath } from './order-emails.js';
export {
  assertTransition,
  canTransition,
  isFinalStatus,
  ORDER_TRANSITIONS,
} from './order-status.js';
export {
  listOrdersToHandle,
  type OrdersToHandle,
  OrdersToHandleInput,
  type OrderTask,
} from './orders-to-handle.js';
export { RefundOrderInput, refundOrder } from './refund-order.js';
export type { SettleOutcome } from './settle-payment.js';
export { type SettlementRate, toSettlementAmount } from './settlement-amount.js';
export type { OrderLineView, OrderView, PaymentView, RefundView } from './views.js';
