import { manualProvider, type PaymentProvider, type StartPaymentInput } from '@aldea/core';

/**
 * Manual payments (bank transfer, cash at the co-op) that also tell someone a
 * buyer is about to pay, e.g. a text message to the seller. Everything else
 * stays the built-in behaviour: the buyer sees instructions, a person confirms.
 */
export function notifyingManualPayments(
  notify: (payment: StartPaymentInput) => Promise<void>,
): PaymentProvider {
  return {
    id: 'manual',
    async start(input) {
      await notify(input);
      return manualProvider.start(input);
    },
    refund: (input) => manualProvider.refund(input),
  };
}
