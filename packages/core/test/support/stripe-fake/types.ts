/** The fake's public shape: what tests hold and call. */

export type Json = Record<string, unknown>;

export interface StripeEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  data: { object: Json };
}

export interface FakeStripeOptions {
  webhookSecret?: string;
  /** Where to POST events. Without it, events are only recorded. */
  webhookUrl?: string;
  /** Deliver events as they happen (default), or hold them until `deliverPending()`. */
  deliver?: 'immediately' | 'manually';
}

export interface FakeStripe {
  readonly port: number;
  readonly url: string;
  readonly webhookSecret: string;
  readonly sessions: Map<string, Json>;
  readonly paymentIntents: Map<string, Json>;
  readonly charges: Map<string, Json>;
  readonly refunds: Map<string, Json>;
  /** Every event produced, in order. */
  readonly events: StripeEvent[];
  /** Every API request received (method, path, idempotency key, decoded body). */
  readonly requests: { method: string; path: string; idempotencyKey?: string; body: Json }[];
  setWebhookUrl(url: string): void;
  /** The buyer paid (or, for async methods, started paying): the session completes. */
  complete(sessionId: string, opts?: { async?: boolean }): StripeEvent[];
  /** An async payment settled (or failed) after completion. */
  settleAsync(sessionId: string, ok: boolean): StripeEvent;
  /** The session ran out (as Stripe does at `expires_at`). */
  expire(sessionId: string): StripeEvent;
  /** A refund made in the Stripe dashboard (outside Aldea). */
  dashboardRefund(paymentIntentId: string, amount: number): StripeEvent;
  /** Payload and signature header for an event, optionally signed at another time. */
  sign(
    event: StripeEvent,
    opts?: { timestamp?: number; secret?: string },
  ): {
    payload: string;
    header: string;
  };
  /** POSTs an event to the webhook URL; returns the HTTP status. */
  send(event: StripeEvent, opts?: { timestamp?: number; secret?: string }): Promise<number>;
  /** Delivers held events in order (manual delivery mode). */
  deliverPending(): Promise<number[]>;
  /** Makes the next `count` API calls answer with this status (a Stripe outage). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}
