import type { Money } from '../money/money.js';
import type { PaymentProviderId } from '../schema/payments.js';

/** What a provider needs to start collecting an order's total. */
export interface StartPaymentInput {
  paymentId: string;
  shopId: string;
  orderId: string;
  orderNumber: number;
  /** The order total in the quote currency. */
  amount: Money;
  email: string;
  locale: string;
  /** A short description of what is paid for ("Order 1042 — Molcajete 25 cm ×1"). */
  description: string;
  /** Where the provider sends the buyer back (the order status page). */
  returnUrl: string;
  cancelUrl: string;
  /** The provider must stop accepting payment around then (the stock hold ends). */
  expiresAt: Date;
  /** Destination charge: pay this connected account, keep `feeMinor` (order currency). */
  destination?: { accountId: string; feeMinor: number };
}

/** How the buyer pays: go to the provider's page, or follow instructions. */
export type StartedPayment =
  | {
      kind: 'redirect';
      sessionId: string;
      url: string;
      expiresAt: Date;
    }
  | { kind: 'instructions' };

/** A refund to make on a captured payment, in the captured currency. */
export interface ProviderRefundInput {
  refundId: string;
  paymentId: string;
  providerPaymentId: string | null;
  amount: Money;
  /** With a destination charge the transfer and the fee are reversed pro rata. */
  destinationCharge: boolean;
}

/** What the provider said about a refund. */
export interface ProviderRefundResult {
  status: 'succeeded' | 'pending' | 'failed';
  providerRefundId: string | null;
}

/**
 * One interface over every way of getting paid. The manual provider's `start`
 * only says "show instructions"; a card provider returns a hosted page.
 */
export interface PaymentProvider {
  readonly id: PaymentProviderId;
  start(input: StartPaymentInput): Promise<StartedPayment>;
  refund(input: ProviderRefundInput): Promise<ProviderRefundResult>;
}

/** What a hosted checkout looks like at the provider right now. */
export interface CheckoutState {
  sessionId: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  paymentIntentId: string | null;
  /** The amount the provider collects, converted back to minor units of `currency`. */
  amount: Money | null;
  metadata: Record<string, string>;
}

/** A verified provider event, already translated to what we act on. */
export type PaymentEvent = { id: string; type: string; created: Date } & (
  | {
      kind: 'checkout';
      change: 'completed' | 'async_succeeded' | 'async_failed' | 'expired';
      state: CheckoutState;
    }
  | {
      kind: 'charge_refunded';
      paymentIntentId: string;
      /** Total refunded on the charge so far (minor units of the captured currency). */
      refunded: Money;
      /** `refundId`: ours, from the refund's metadata, when Aldea made it. */
      refunds: { id: string; amount: Money; status: string; refundId: string | null }[];
    }
  | { kind: 'other' }
);

/**
 * A provider with a hosted checkout and signed webhooks (Stripe). Everything
 * that talks to the network is here, so core stays testable with a fake server.
 */
export interface CardPaymentProvider extends PaymentProvider {
  readonly id: 'stripe';
  /**
   * Origin of the hosted payment page (`https://checkout.stripe.com`). A page
   * whose form redirects there must allow it in its CSP `form-action`.
   */
  readonly checkoutOrigin: string;
  getCheckout(sessionId: string): Promise<CheckoutState>;
  /** Expires an open session (or returns its final state when it is already done). */
  expireCheckout(sessionId: string): Promise<CheckoutState>;
  /** Verifies the signature on the raw body and translates the event; throws when it is not genuine. */
  verifyWebhook(rawBody: string | Uint8Array, signature: string | undefined): PaymentEvent;
}

/** The providers a platform runs with. Without `card` (no Stripe key) only manual methods are offered. */
export interface PaymentGateway {
  card?: CardPaymentProvider;
  manual: PaymentProvider;
}
