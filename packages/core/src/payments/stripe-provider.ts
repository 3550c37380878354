import Stripe from 'stripe';
import { AldeaError } from '../errors.js';
import { money } from '../money/money.js';
import { fromProviderAmount, toProviderAmount } from '../pricing/index.js';
import type {
  CardPaymentProvider,
  CheckoutState,
  PaymentEvent,
  ProviderRefundInput,
  StartPaymentInput,
} from './provider.js';

/** How to reach Stripe. `host`/`port`/`protocol` point the real SDK at a local fake in tests. */
export interface StripeProviderConfig {
  secretKey: string;
  webhookSecret: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Per request; the SDK's own retries are off (our idempotency keys make a retry safe). */
  timeoutMs?: number;
  /** Where the hosted payment pages live (default `https://checkout.stripe.com`). */
  checkoutOrigin?: string;
}

// Stripe Checkout's own languages for ours.
const STRIPE_LOCALES: Record<string, Stripe.Checkout.SessionCreateParams.Locale> = {
  en: 'en',
  'zh-CN': 'zh',
  'es-MX': 'es-419',
};

function providerError(action: string, err: unknown): AldeaError {
  const message = err instanceof Error ? err.message : String(err);
  return new AldeaError('PAYMENT_PROVIDER', `Stripe ${action} failed: ${message}`, [], {
    cause: err,
  });
}

function toMoney(amount: number | null | undefined, currency: string | null | undefined) {
  if (amount == null || !currency) return null;
  return fromProviderAmount(amount, currency.toUpperCase(), 'stripe');
}

function stateOf(s: Stripe.Checkout.Session): CheckoutState {
  const pi = s.payment_intent;
  // Stripe may add states; anything we do not know is treated as still open / unpaid.
  const status: CheckoutState['status'] =
    s.status === 'complete' ? 'complete' : s.status === 'expired' ? 'expired' : 'open';
  const paymentStatus: CheckoutState['paymentStatus'] =
    s.payment_status === 'paid'
      ? 'paid'
      : s.payment_status === 'no_payment_required'
        ? 'no_payment_required'
        : 'unpaid';
  return {
    sessionId: s.id,
    status,
    paymentStatus,
    paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
    amount: toMoney(s.amount_total, s.currency),
    metadata: { ...(s.metadata ?? {}) },
  };
}

const CHECKOUT_CHANGES: Record<
  string,
  'completed' | 'async_succeeded' | 'async_failed' | 'expired'
> = {
  'checkout.session.completed': 'completed',
  'checkout.session.async_payment_succeeded': 'async_succeeded',
  'checkout.session.async_payment_failed': 'async_failed',
  'checkout.session.expired': 'expired',
};

/** Translates a verified Stripe event into the few things we act on. */
export function translateStripeEvent(event: Stripe.Event): PaymentEvent {
  const base = { id: event.id, type: event.type, created: new Date(event.created * 1000) };
  const change = CHECKOUT_CHANGES[event.type];
  if (change) {
    const session = event.data.object as Stripe.Checkout.Session;
    return { ...base, kind: 'checkout', change, state: stateOf(session) };
  }
  if (event.type === 'charge.refunded') {
    const charge = event.data.object as Stripe.Charge;
    const currency = charge.currency.toUpperCase();
    const pi = charge.payment_intent;
    return {
      ...base,
      kind: 'charge_refunded',
      paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? ''),
      refunded: fromProviderAmount(charge.amount_refunded, currency, 'stripe'),
      refunds: (charge.refunds?.data ?? []).map((r) => ({
        id: r.id,
        amount: fromProviderAmount(r.amount, currency, 'stripe'),
        status: r.status ?? 'pending',
        refundId: r.metadata?.refund_id ?? null,
      })),
    };
  }
  return { ...base, kind: 'other' };
}

function unixSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

/**
 * The Stripe provider: a Checkout Session per payment in the order's currency
 * (one line for the exact order total, so Stripe charges precisely what the
 * buyer reviewed), created with the payment id as idempotency key, optionally
 * as a destination charge to the shop's connected account with a platform fee.
 */
export function createStripeProvider(config: StripeProviderConfig): CardPaymentProvider {
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: 0,
    timeout: config.timeoutMs ?? 20_000,
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: config.port } : {}),
    ...(config.protocol ? { protocol: config.protocol } : {}),
  });

  return {
    id: 'stripe',
    checkoutOrigin: config.checkoutOrigin ?? 'https://checkout.stripe.com',

    async start(input: StartPaymentInput) {
      const metadata = {
        shop_id: input.shopId,
        order_id: input.orderId,
        payment_id: input.paymentId,
      };
      const unitAmount = toProviderAmount(input.amount, 'stripe');
      const feeAmount = input.destination
        ? toProviderAmount(money(input.destination.feeMinor, input.amount.currency), 'stripe')
        : 0;
      // Stripe refuses an expiry under 30 minutes from now.
      const minExpiry = Date.now() + 30 * 60_000 + 5_000;
      const expiresAt = new Date(Math.max(input.expiresAt.getTime(), minExpiry));
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: input.orderId,
            customer_email: input.email,
            locale: STRIPE_LOCALES[input.locale] ?? 'auto',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.amount.currency.toLowerCase(),
                  unit_amount: unitAmount,
                  product_data: { name: input.description },
                },
              },
            ],
            metadata,
            payment_intent_data: {
              metadata,
              ...(input.destination
                ? {
                    application_fee_amount: feeAmount,
                    transfer_data: { destination: input.destination.accountId },
                  }
                : {}),
            },
            success_url: input.returnUrl,
            cancel_url: input.cancelUrl,
            expires_at: unixSeconds(expiresAt),
          },
          { idempotencyKey: `checkout-${input.paymentId}` },
        );
        if (!session.url) throw new Error('session has no url');
        return {
          kind: 'redirect',
          sessionId: session.id,
          url: session.url,
          expiresAt: new Date(session.expires_at * 1000),
        };
      } catch (err) {
        throw providerError('checkout session', err);
      }
    },

    async getCheckout(sessionId) {
      try {
        return stateOf(await stripe.checkout.sessions.retrieve(sessionId));
      } catch (err) {
        throw providerError('session lookup', err);
      }
    },

    async expireCheckout(sessionId) {
      try {
        const current = await stripe.checkout.sessions.retrieve(sessionId);
        if (current.status !== 'open') return stateOf(current);
        return stateOf(await stripe.checkout.sessions.expire(sessionId));
      } catch (err) {
        throw providerError('session expiry', err);
      }
    },

    async refund(input: ProviderRefundInput) {
      if (!input.providerPaymentId) {
        throw new AldeaError('PAYMENT_PROVIDER', 'no Stripe payment to refund');
      }
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: input.providerPaymentId,
            amount: toProviderAmount(input.amount, 'stripe'),
            metadata: { payment_id: input.paymentId, refund_id: input.refundId },
            ...(input.destinationCharge
              ? { reverse_transfer: true, refund_application_fee: true }
              : {}),
          },
          { idempotencyKey: `refund-${input.refundId}` },
        );
        const status =
          refund.status === 'succeeded'
            ? 'succeeded'
            : refund.status === 'failed' || refund.status === 'canceled'
              ? 'failed'
              : 'pending';
        return { status, providerRefundId: refund.id };
      } catch (err) {
        throw providerError('refund', err);
      }
    },

    verifyWebhook(rawBody, signature) {
      if (!signature) throw new AldeaError('UNAUTHENTICATED', 'webhook without a signature');
      const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody);
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(body, signature, config.webhookSecret);
      } catch (err) {
        throw new AldeaError('UNAUTHENTICATED', 'webhook signature does not verify', [], {
          cause: err,
        });
      }
      return translateStripeEvent(event);
    },
  };
}
