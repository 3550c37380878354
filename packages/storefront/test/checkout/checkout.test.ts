import { confirmManualPayment, getOrderByStatusToken, missingMessageKeys } from '@aldea/core';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../../core/test/support/stripe-fake/server.js';
import { checkoutUiCatalogues } from '../../src/checkout/index.js';
import { type LogLine, makeWorld, type World } from '../support/world.js';
import { appWith, gatewayFor, Session, SHOP, shipsEverywhere } from './support.js';

let w: World;
let fake: FakeStripe;
const logs: LogLine[] = [];

beforeAll(async () => {
  w = await makeWorld();
  await shipsEverywhere(w.comonfort.rojas);
  fake = await startFakeStripe({ deliver: 'manually' });
});
afterAll(() => fake.close());

const BUYER = {
  email: 'ana@example.be',
  name: 'Ana Peeters',
  line1: 'Rue Haute 12',
  line2: '',
  city: 'Bruxelles',
  region: '',
  postalCode: '1000',
  country: 'BE',
  phone: '',
};

const text = (html: string, selector: string) =>
  (parse(html).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Adds an item (a tejolote unless told) to the cart and walks the checkout up to the review page. */
async function toReview(
  s: Session,
  method: string,
  q = '?lang=en&currency=EUR',
  item: 'molcajete' | 'tejolote' = 'tejolote',
) {
  const variantId = w.comonfort[item].variants[0]!.id;
  const added = await s.post(`${SHOP}/cart/add${q}`, { variantId, quantity: '1', product: item });
  expect(added.location).toContain('added=1');
  const start = await s.get(`${SHOP}/checkout${q}`);
  expect(start.status).toBe(303);
  expect(start.location).toContain('/checkout/contact');
  expect((await s.post(`${SHOP}/checkout/contact${q}`, BUYER)).status).toBe(303);
  const shipping = await s.get(`${SHOP}/checkout/shipping${q}`);
  const rateId = parse(shipping.html).querySelector('input[name="rateId"]')!.getAttribute('value')!;
  expect((await s.post(`${SHOP}/checkout/shipping${q}`, { rateId })).status).toBe(303);
  expect((await s.post(`${SHOP}/checkout/payment${q}`, { method })).status).toBe(303);
  const review = await s.get(`${SHOP}/checkout/review${q}`);
  expect(review.status).toBe(200);
  const form = parse(review.html).querySelector('form[action*="/checkout/place"]')!;
  const field = (name: string) =>
    form.querySelector(`input[name="${name}"]`)!.getAttribute('value')!;
  return {
    review,
    place: {
      quoteId: field('quoteId'),
      totalMinor: field('totalMinor'),
      currency: field('currency'),
    },
  };
}

describe('checkout pages (no JavaScript needed)', () => {
  it('walks address → shipping → payment → review → place, by bank transfer', async () => {
    const app = appWith(w, gatewayFor(), logs);
    const s = new Session(app);
    const q = '?lang=en&currency=EUR';
    const { review, place } = await toReview(s, 'bank_transfer', q, 'molcajete');
    expect(text(review.html, 'main h2')).toBe('Check your order');
    expect(review.html).toContain('import duties');
    expect(text(review.html, 'tr.grand')).toMatch(/^Total ?€[\d,]+\.\d\d$/);
    const placed = await s.post(`${SHOP}/checkout/place${q}`, place);
    expect(placed.status).toBe(303);
    expect(placed.location).toMatch(/\/s\/taller-rojas\/orders\/[0-9]+\.[A-Za-z0-9_-]{43}/);
    const token = placed.location!.match(/orders\/([0-9]+\.[A-Za-z0-9_-]{43})/)![1]!;
    const page = await s.get(placed.location!);
    expect(page.status).toBe(200);
    expect(text(page.html, '.order-status')).toBe('Awaiting payment');
    expect(text(page.html, '.reference')).toMatch(/^Payment reference: 1\d{3}-[A-Z0-9]{4}$/);
    expect(text(page.html, '.instructions')).toContain('CLABE');
    // The cart was emptied and the checkout cookie dropped.
    const cart = await s.get(`${SHOP}/cart${q}`);
    expect(cart.html).toContain('Your cart is empty.');
    // The seller confirms the transfer; the buyer's page says paid.
    const order = await getOrderByStatusToken(w.comonfort.rojas, token);
    await confirmManualPayment(w.comonfort.rojas, order.id);
    expect(text((await s.get(placed.location!)).html, '.order-status')).toBe(
      'Paid — the shop is preparing it',
    );
  });

  it('shows address errors next to the fields, in the buyer’s language, keeping the input', async () => {
    const app = appWith(w, gatewayFor(), logs);
    const s = new Session(app);
    const q = '?lang=es&currency=EUR';
    const variantId = w.comonfort.molcajete.variants[1]!.id;
    await s.post(`${SHOP}/cart/add${q}`, { variantId, quantity: '1', product: 'x' });
    await s.get(`${SHOP}/checkout${q}`);
    const bad = await s.post(`${SHOP}/checkout/contact${q}`, {
      ...BUYER,
      name: '<script>alert(1)</script>',
      postalCode: '10000',
      email: 'nope',
    });
    expect(bad.status).toBe(400);
    const html = await bad.res.text();
    const doc = parse(html);
    expect(text(html, '#f-name-error')).toBe('Quita los caracteres < y >.');
    expect(text(html, '#f-postalCode-error')).toBe('Escribe un código postal como 1000.');
    expect(text(html, '#f-email-error')).toBe('Escribe un correo como ana@ejemplo.com.');
    expect(doc.querySelector('#f-name')!.getAttribute('aria-invalid')).toBe('true');
    expect(doc.querySelector('#f-line1')!.getAttribute('value')).toBe(BUYER.line1);
    expect(html).not.toContain('<script>alert(1)</script>');
  });

  it('refuses a tampered total or currency with a clear error and a log line; nothing is placed', async () => {
    const app = appWith(w, gatewayFor(), logs);
    const s = new Session(app);
    const q = '?lang=en&currency=EUR';
    const { place } = await toReview(s, 'bank_transfer', q);
    const before = logs.length;
    const cheap = await s.post(`${SHOP}/checkout/place${q}`, { ...place, totalMinor: '100' });
    expect(cheap.status).toBe(400);
    const other = await s.post(`${SHOP}/checkout/place${q}`, { ...place, currency: 'JPY' });
    expect(other.status).toBe(400);
    const refused = logs.slice(before).filter((l) => l.event === 'refused');
    expect(refused.map((l) => l.code)).toEqual(['VALIDATION', 'VALIDATION']);
    // The honest submit still works afterwards: nothing was half-done.
    expect((await s.post(`${SHOP}/checkout/place${q}`, place)).status).toBe(303);
  });

  it('without a Stripe key offers only manual methods and says so', async () => {
    const app = appWith(w, gatewayFor(), logs);
    const s = new Session(app);
    const q = '?lang=en&currency=EUR';
    const variantId = w.comonfort.tejolote.variants[0]!.id;
    const added = await s.post(`${SHOP}/cart/add${q}`, {
      variantId,
      quantity: '1',
      product: 'tejolote',
    });
    expect(added.location).toContain('added=1');
    await s.get(`${SHOP}/checkout${q}`);
    await s.post(`${SHOP}/checkout/contact${q}`, BUYER);
    const shipping = await s.get(`${SHOP}/checkout/shipping${q}`);
    const rateId = parse(shipping.html)
      .querySelector('input[name="rateId"]')!
      .getAttribute('value')!;
    await s.post(`${SHOP}/checkout/shipping${q}`, { rateId });
    const payment = await s.get(`${SHOP}/checkout/payment${q}`);
    const methods = parse(payment.html)
      .querySelectorAll('input[name="method"]')
      .map((i) => i.getAttribute('value'));
    expect(methods).toEqual(['bank_transfer', 'pay_at_coop']);
    expect(payment.html).toContain('Card payments are not available');
    expect((await s.post(`${SHOP}/checkout/payment${q}`, { method: 'card' })).status).toBe(400);
  });

  it('card: the return page says "being confirmed" until the signed webhook marks it paid', async () => {
    const app = appWith(w, gatewayFor(fake), logs);
    const s = new Session(app);
    const q = '?lang=en&currency=EUR';
    const { place } = await toReview(s, 'card', q);
    const placed = await s.post(`${SHOP}/checkout/place${q}`, place);
    expect(placed.status).toBe(303);
    expect(placed.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_/);
    const sessionId = placed.location!.split('/').pop()!;
    const session = fake.sessions.get(sessionId)!;
    expect(session.currency).toBe('eur');
    expect(String(session.amount_total)).toBe(place.totalMinor);
    // The buyer pays and comes back before the webhook arrives.
    const [completed] = fake.complete(sessionId);
    const back = String(session.success_url).replace('http://localhost', '');
    const returning = await s.get(back);
    expect(text(returning.html, '.order-status')).toBe('Awaiting payment');
    expect(returning.html).toContain('Payment being confirmed');
    expect(returning.res.headers.get('refresh')).toBe('3');
    // The webhook, delivered three times: one paid order.
    const { payload, header } = fake.sign(completed!);
    const post = () =>
      app.request('http://localhost/webhooks/stripe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(((await (await post()).json()) as { status: string }).status);
    expect(statuses).toEqual(['processed', 'duplicate', 'duplicate']);
    const after = await s.get(back);
    expect(text(after.html, '.order-status')).toBe('Paid — the shop is preparing it');
    expect(after.res.headers.get('refresh')).toBeNull();
  });

  it('card: a webhook that arrives before the buyer returns shows paid straight away', async () => {
    const app = appWith(w, gatewayFor(fake), logs);
    const s = new Session(app);
    const q = '?lang=en&currency=EUR';
    const { place } = await toReview(s, 'card', q);
    const placed = await s.post(`${SHOP}/checkout/place${q}`, place);
    const sessionId = placed.location!.split('/').pop()!;
    const [completed] = fake.complete(sessionId);
    const { payload, header } = fake.sign(completed!);
    const hook = await app.request('http://localhost/webhooks/stripe', {
      method: 'POST',
      headers: { 'stripe-signature': header },
      body: payload,
    });
    expect(hook.status).toBe(200);
    const back = String(fake.sessions.get(sessionId)!.success_url).replace('http://localhost', '');
    const page = await s.get(back);
    expect(text(page.html, '.order-status')).toBe('Paid — the shop is preparing it');
    expect(page.html).not.toContain('Payment being confirmed');
  });

  it('the webhook endpoint refuses unsigned, wrongly signed and unknown-session events, logging each', async () => {
    const app = appWith(w, gatewayFor(fake), logs);
    const event = {
      id: 'evt_x',
      object: 'event',
      type: 'checkout.session.completed',
      created: 1,
      livemode: false,
      api_version: 'x',
      data: {
        object: {
          id: 'cs_test_unknown',
          object: 'checkout.session',
          status: 'complete',
          payment_status: 'paid',
          amount_total: 100,
          currency: 'eur',
          metadata: {},
        },
      },
    } as const;
    const unsigned = await app.request('http://localhost/webhooks/stripe', {
      method: 'POST',
      body: JSON.stringify(event),
    });
    expect(unsigned.status).toBe(400);
    const wrong = fake.sign(event as never, { secret: 'whsec_wrong' });
    const forged = await app.request('http://localhost/webhooks/stripe', {
      method: 'POST',
      headers: { 'stripe-signature': wrong.header },
      body: wrong.payload,
    });
    expect(forged.status).toBe(400);
    const right = fake.sign(event as never);
    const unknown = await app.request('http://localhost/webhooks/stripe', {
      method: 'POST',
      headers: { 'stripe-signature': right.header },
      body: right.payload,
    });
    expect(unknown.status).toBe(404);
    const refused = logs.filter((l) => l.event === 'webhook.stripe.refused').map((l) => l.status);
    expect(refused.slice(-3)).toEqual([400, 400, 404]);
  });

  it('the order page is behind its unguessable link, in its own shop only', async () => {
    const app = appWith(w, gatewayFor(), logs);
    const s = new Session(app);
    const q = '?lang=en&currency=EUR';
    const { place } = await toReview(s, 'bank_transfer', q);
    const placed = await s.post(`${SHOP}/checkout/place${q}`, place);
    const token = placed.location!.match(/orders\/([0-9]+\.[A-Za-z0-9_-]{43})/)![1]!;
    expect((await s.get(`/s/wang-hickory/orders/${token}`)).status).toBe(404);
    expect((await s.get(`${SHOP}/orders/${token.slice(0, 42)}x`)).status).toBe(404);
    expect((await s.get(`${SHOP}/orders/not-a-token`)).status).toBe(404);
  });

  it('has every checkout string in every language', () => {
    expect(missingMessageKeys(checkoutUiCatalogues)).toEqual([]);
  });
});
