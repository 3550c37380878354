import {
  type Clock,
  type Database,
  handleStripeWebhook,
  isAldeaError,
  type PaymentGateway,
  platformContext,
} from '@aldea/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { StorefrontLogger } from '../middleware/request-log.js';

/** What the webhook endpoint needs. */
export interface WebhookDeps {
  db: Database;
  payments: PaymentGateway;
  logger: StorefrontLogger;
  clock: Clock;
}

/**
 * `POST /webhooks/stripe`: Stripe's signed events, platform-level, on the raw
 * body (the signature is over the exact bytes). 200 for processed, duplicate
 * and ignored events; 400 for a missing or bad signature or a replay outside
 * the tolerance; 404 for a session or payment we do not know (Stripe retries,
 * in case our side has not caught up). Every refusal is logged.
 */
export function stripeWebhookRoutes(deps: WebhookDeps): Hono {
  const app = new Hono();
  app.post('/webhooks/stripe', bodyLimit({ maxSize: 512 * 1024 }), async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const platform = platformContext(deps.db, {
      clock: deps.clock,
      actor: { kind: 'system', name: 'stripe-webhook' },
    });
    try {
      const result = await handleStripeWebhook(
        platform,
        { rawBody: raw, signature: c.req.header('stripe-signature') },
        { gateway: deps.payments },
      );
      deps.logger.info('webhook.stripe', { ...result });
      return c.json({ received: true, status: result.status, outcome: result.outcome });
    } catch (err) {
      if (!isAldeaError(err)) throw err;
      const status = err.code === 'NOT_FOUND' || err.code === 'PAYMENT_PROVIDER' ? 404 : 400;
      deps.logger.error('webhook.stripe.refused', { status, code: err.code, error: err.message });
      return c.json({ received: false, error: err.message }, status);
    }
  });
  return app;
}
