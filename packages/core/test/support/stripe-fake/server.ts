import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { type FormValue, obj, parseStripeForm, str } from './form.js';
import { API_VERSION, escapeHtml, readBody, rid, send, stripeError } from './http.js';
import type { FakeStripe, FakeStripeOptions, Json, StripeEvent } from './types.js';

export type { FakeStripe, FakeStripeOptions, StripeEvent } from './types.js';

/**
 * A small HTTP server that plays the Stripe endpoints Aldea calls — checkout
 * sessions (create, retrieve, expire), refunds, payment intents — answering with
 * Stripe-shaped JSON, honouring idempotency keys, and producing events signed
 * like Stripe's (`webhooks.generateTestHeaderString`). It also serves the hosted
 * payment page a browser lands on (`/pay/:session`), so an end-to-end test can
 * click "Pay".
 *
 * The product talks to it with the real SDK:
 * `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`.
 */

/** Starts the fake on 127.0.0.1 and a random port. */
export async function startFakeStripe(opts: FakeStripeOptions = {}): Promise<FakeStripe> {
  const webhookSecret = opts.webhookSecret ?? `whsec_${randomBytes(16).toString('hex')}`;
  const signer = new Stripe('sk_test_signer');
  let webhookUrl = opts.webhookUrl;
  const sessions = new Map<string, Json>();
  const paymentIntents = new Map<string, Json>();
  const charges = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const events: StripeEvent[] = [];
  const pending: StripeEvent[] = [];
  const requests: FakeStripe['requests'] = [];
  const idempotent = new Map<string, { body: string; status: number; response: unknown }>();
  let failures = 0;
  let failStatus = 500;

  const now = () => Math.floor(Date.now() / 1000);

  function emit(type: string, object: Json): StripeEvent {
    const event: StripeEvent = {
      id: rid('evt'),
      object: 'event',
      type,
      created: now(),
      livemode: false,
      api_version: API_VERSION,
      data: { object: structuredClone(object) },
    };
    events.push(event);
    if (opts.deliver === 'manually') pending.push(event);
    else if (webhookUrl) void fake.send(event).catch(() => undefined);
    return event;
  }

  function createSession(body: Record<string, FormValue>, base: string): Json {
    const items = Array.isArray(body.line_items) ? body.line_items : [];
    let total = 0;
    let currency = '';
    for (const item of items) {
      const li = obj(item);
      const price = obj(li.price_data);
      currency = str(price.currency) ?? currency;
      total += Number(str(price.unit_amount) ?? 0) * Number(str(li.quantity) ?? 1);
    }
    const id = rid('cs');
    const pid = obj(body.payment_intent_data);
    const session: Json = {
      id,
      object: 'checkout.session',
      mode: str(body.mode) ?? 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: total,
      amount_subtotal: total,
      currency,
      customer_email: str(body.customer_email) ?? null,
      client_reference_id: str(body.client_reference_id) ?? null,
      locale: str(body.locale) ?? null,
      metadata: obj(body.metadata),
      payment_intent: null,
      success_url: (str(body.success_url) ?? '').replace('{CHECKOUT_SESSION_ID}', id),
      cancel_url: str(body.cancel_url) ?? null,
      expires_at: Number(str(body.expires_at) ?? now() + 86_400),
      created: now(),
      livemode: false,
      url: `${base}/pay/${id}`,
      // Kept for assertions: what a destination charge would do.
      _payment_intent_data: pid,
    };
    sessions.set(id, session);
    return session;
  }

  function completeSession(id: string, async = false): StripeEvent[] {
    const s = sessions.get(id);
    if (!s) throw new Error(`no session ${id}`);
    if (s.status !== 'open') throw new Error(`session ${id} is ${String(s.status)}`);
    const piId = rid('pi');
    const chId = rid('ch');
    const pid = obj(s._payment_intent_data as FormValue);
    paymentIntents.set(piId, {
      id: piId,
      object: 'payment_intent',
      amount: s.amount_total,
      currency: s.currency,
      status: async ? 'processing' : 'succeeded',
      latest_charge: chId,
      metadata: obj(pid.metadata),
      application_fee_amount: str(pid.application_fee_amount)
        ? Number(str(pid.application_fee_amount))
        : null,
      transfer_data: pid.transfer_data ?? null,
    });
    charges.set(chId, {
      id: chId,
      object: 'charge',
      amount: s.amount_total,
      amount_refunded: 0,
      currency: s.currency,
      payment_intent: piId,
      refunded: false,
      refunds: { object: 'list', data: [] },
    });
    Object.assign(s, {
      status: 'complete',
      payment_status: async ? 'unpaid' : 'paid',
      payment_intent: piId,
    });
    return [emit('checkout.session.completed', publicSession(s))];
  }

  function publicSession(s: Json): Json {
    const { _payment_intent_data: _, ...rest } = s;
    return rest;
  }

  function refund(
    piId: string,
    amount: number | undefined,
    res?: ServerResponse,
    metadata: Json = {},
  ): Json | null {
    const pi = paymentIntents.get(piId);
    if (!pi) {
      if (res) stripeError(res, 404, `No such payment_intent: '${piId}'`, 'resource_missing');
      return null;
    }
    const charge = charges.get(String(pi.latest_charge))!;
    const left = Number(charge.amount) - Number(charge.amount_refunded);
    const value = amount ?? left;
    if (value <= 0 || value > left) {
      if (res) {
        stripeError(
          res,
          400,
          `Refund amount (${value}) is greater than unrefunded amount on charge (${left})`,
          'amount_too_large',
        );
      }
      return null;
    }
    const r: Json = {
      id: rid('re'),
      object: 'refund',
      amount: value,
      currency: charge.currency,
      status: 'succeeded',
      payment_intent: piId,
      charge: charge.id,
      metadata,
      created: now(),
    };
    refunds.set(String(r.id), r);
    charge.amount_refunded = Number(charge.amount_refunded) + value;
    charge.refunded = charge.amount_refunded === charge.amount;
    (charge.refunds as { data: Json[] }).data.push(r);
    emit('charge.refunded', charge);
    return r;
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string, base: string) {
    const raw = await readBody(req);
    const body = parseStripeForm(raw);
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' ? key : undefined;
    requests.push({ method: req.method ?? 'GET', path, idempotencyKey, body });
    if (!String(req.headers.authorization ?? '').startsWith('Bearer sk_')) {
      return send(res, 401, { error: { type: 'authentication_error', message: 'No API key' } });
    }
    if (failures > 0) {
      failures--;
      return send(res, failStatus, { error: { type: 'api_error', message: 'fake outage' } });
    }
    if (idempotencyKey && req.method === 'POST') {
      const seen = idempotent.get(idempotencyKey);
      if (seen) {
        if (seen.body !== `${path}?${raw}`) {
          return stripeError(
            res,
            400,
            'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            'idempotency_key_in_use',
          );
        }
        return send(res, seen.status, seen.response);
      }
    }
    const reply = (status: number, response: unknown) => {
      if (idempotencyKey && req.method === 'POST') {
        idempotent.set(idempotencyKey, { body: `${path}?${raw}`, status, response });
      }
      send(res, status, response);
    };

    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const first = Array.isArray(body.line_items) ? body.line_items[0] : undefined;
      if (!str(obj(obj(first).price_data).currency)) {
        return stripeError(
          res,
          400,
          'Missing required param: line_items[0][price_data][currency].',
        );
      }
      return reply(200, publicSession(createSession(body, base)));
    }
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (sessionPath) {
      const m = sessionPath;
      const s = sessions.get(m[1]!);
      if (!s)
        return stripeError(res, 404, `No such checkout.session: '${m[1]}'`, 'resource_missing');
      if (m[2] && req.method === 'POST') {
        if (s.status !== 'open') {
          return stripeError(res, 400, `This Checkout Session is ${String(s.status)}.`);
        }
        s.status = 'expired';
        emit('checkout.session.expired', publicSession(s));
      }
      return reply(200, publicSession(s));
    }
    const intentPath = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (intentPath && req.method === 'GET') {
      const m = intentPath;
      const pi = paymentIntents.get(m[1]!);
      if (!pi)
        return stripeError(res, 404, `No such payment_intent: '${m[1]}'`, 'resource_missing');
      return send(res, 200, pi);
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const amount = str(body.amount) ? Number(str(body.amount)) : undefined;
      const r = refund(str(body.payment_intent) ?? '', amount, res, obj(body.metadata));
      if (r) reply(200, r);
      return;
    }
    stripeError(res, 404, `Unrecognized request URL (${req.method}: ${path}).`);
  }

  function payPage(res: ServerResponse, s: Json) {
    const amount = `${(Number(s.amount_total) / 100).toFixed(2)} ${String(s.currency).toUpperCase()}`;
    send(
      res,
      200,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
<body><main><h1>Fake Stripe Checkout</h1><p>Pay <strong id="amount">${escapeHtml(amount)}</strong></p>
<form method="post"><button type="submit" name="action" value="pay">Pay</button></form>
<p><a href="${escapeHtml(String(s.cancel_url ?? '/'))}">Back</a></p></main></body></html>`,
      'text/html; charset=utf-8',
    );
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (pay) {
      const s = sessions.get(pay[1]!);
      if (!s) return send(res, 404, 'no such session', 'text/plain');
      if (req.method === 'POST') {
        void readBody(req).then(() => {
          if (s.status === 'open') completeSession(String(s.id));
          res.writeHead(303, { location: String(s.success_url) });
          res.end();
        });
        return;
      }
      return payPage(res, s);
    }
    api(req, res, url.pathname, base).catch((err: unknown) => {
      send(res, 500, { error: { type: 'api_error', message: String(err) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeStripe = {
    port,
    url: `http://127.0.0.1:${port}`,
    webhookSecret,
    sessions,
    paymentIntents,
    charges,
    refunds,
    events,
    requests,
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    complete: (id, o) => completeSession(id, o?.async ?? false),
    settleAsync(id, ok) {
      const s = sessions.get(id)!;
      const pi = paymentIntents.get(String(s.payment_intent))!;
      pi.status = ok ? 'succeeded' : 'requires_payment_method';
      s.payment_status = ok ? 'paid' : 'unpaid';
      const type = ok
        ? 'checkout.session.async_payment_succeeded'
        : 'checkout.session.async_payment_failed';
      return emit(type, publicSession(s));
    },
    expire(id) {
      const s = sessions.get(id)!;
      s.status = 'expired';
      return emit('checkout.session.expired', publicSession(s));
    },
    dashboardRefund(piId, amount) {
      if (!refund(piId, amount)) throw new Error('refund refused');
      return events[events.length - 1]!;
    },
    sign(event, o = {}) {
      const payload = JSON.stringify(event, null, 2);
      const header = signer.webhooks.generateTestHeaderString({
        payload,
        secret: o.secret ?? webhookSecret,
        ...(o.timestamp ? { timestamp: o.timestamp } : {}),
      });
      return { payload, header };
    },
    async send(event, o) {
      if (!webhookUrl) throw new Error('no webhook url');
      const { payload, header } = fake.sign(event, o);
      const r = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      });
      await r.arrayBuffer();
      return r.status;
    },
    async deliverPending() {
      const statuses: number[] = [];
      for (const e of pending.splice(0)) statuses.push(await fake.send(e));
      return statuses;
    },
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return fake;
}
