import type { PaymentProvider } from './provider.js';

/**
 * Bank transfer, cash and pay-at-the-co-op: nothing to call. Starting a payment
 * means showing instructions and a reference; a person confirms the money
 * arrived (`confirmManualPayment`); a refund is money the seller gives back by
 * hand, recorded as done.
 */
export const manualProvider: PaymentProvider = {
  id: 'manual',
  async start() {
    return { kind: 'instructions' };
  },
  async refund() {
    return { status: 'succeeded', providerRefundId: null };
  },
};
