import { AldeaError } from '../errors.js';
import type { OrderStatus } from '../schema/orders.js';

/**
 * The legal moves of an order. Anything else is refused.
 *
 * - `pending_payment → paid` on a verified provider event or a manual confirmation;
 * - `pending_payment → expired` when the stock hold runs out unpaid;
 * - `expired → paid` only when a late payment arrives *and* the stock can be taken
 *   again (see `orders/settle-payment.ts`); otherwise the order stays expired and
 *   is flagged for a refund;
 * - `paid → shipped → delivered`;
 * - `pending_payment | paid → cancelled` (a paid order is refunded first).
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'expired', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  expired: ['paid'],
};

/** Pure: may an order move from `from` to `to`? */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * Throws CONFLICT unless `from → to` is legal.
 *
 * @example
 * assertTransition('paid', 'shipped'); // ok
 * assertTransition('delivered', 'cancelled'); // throws CONFLICT
 */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new AldeaError('CONFLICT', `an order that is ${from} cannot become ${to}`, [
      { path: 'status', message: `cannot go from ${from} to ${to}`, code: 'illegal_transition' },
    ]);
  }
}

/** True for statuses after which nothing more happens to stock. */
export function isFinalStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}
