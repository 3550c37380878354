import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../schema/orders.js';
import { assertTransition, canTransition, isFinalStatus } from './order-status.js';

const LEGAL: [OrderStatus, OrderStatus][] = [
  ['pending_payment', 'paid'],
  ['pending_payment', 'expired'],
  ['pending_payment', 'cancelled'],
  ['paid', 'shipped'],
  ['paid', 'cancelled'],
  ['shipped', 'delivered'],
  ['expired', 'paid'],
];

describe('order status transitions', () => {
  it('allows exactly the legal moves', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const legal = LEGAL.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(legal);
      }
    }
  });

  it('refuses an illegal move with CONFLICT naming both states', () => {
    expect(() => assertTransition('delivered', 'cancelled')).toThrow(
      /delivered cannot become cancelled/,
    );
    expect(() => assertTransition('shipped', 'paid')).toThrowError(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('knows the final states', () => {
    expect(ORDER_STATUSES.filter(isFinalStatus)).toEqual(['delivered', 'cancelled']);
  });
});
