import type { OrderView } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { orderFilterOf, orderTimeline, refundableMinor } from './order-format.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));

function order(over: Partial<OrderView>): OrderView {
  return {
    createdAt: at(0),
    paidAt: null,
    shippedAt: null,
    deliveredAt: null,
    cancelledAt: null,
    expiredAt: null,
    carrier: null,
    trackingNumber: null,
    trackingUrl: null,
    cancelReason: null,
    refunds: [],
    payment: null,
    ...over,
  } as OrderView;
}

describe('order formatting', () => {
  it('builds the history oldest first, refunds included', () => {
    const events = orderTimeline(
      order({
        paidAt: at(5),
        shippedAt: at(9),
        carrier: 'DHL',
        trackingNumber: 'JD1',
        refunds: [
          {
            id: 'ref_1',
            amountMinor: 500,
            currency: 'USD',
            status: 'succeeded',
            reason: 'chipped',
            external: false,
            createdAt: at(7),
          },
        ],
      }),
    );
    expect(events.map((e) => e.kind)).toEqual(['placed', 'paid', 'refund', 'shipped']);
    expect(events[3]).toMatchObject({ carrier: 'DHL', number: 'JD1', url: null });
  });

  it('refunds only what a succeeded payment still holds', () => {
    const payment = { status: 'succeeded', capturedMinor: 1000, refundedMinor: 400 };
    expect(refundableMinor(order({ payment: payment as OrderView['payment'] }))).toBe(600);
    expect(
      refundableMinor(
        order({ payment: { ...payment, status: 'pending' } as OrderView['payment'] }),
      ),
    ).toBe(0);
    expect(refundableMinor(order({}))).toBe(0);
  });

  it('takes a status filter only from the known statuses', () => {
    expect(orderFilterOf('paid')).toBe('paid');
    expect(orderFilterOf('<b>')).toBeUndefined();
    expect(orderFilterOf(undefined)).toBeUndefined();
  });
});
