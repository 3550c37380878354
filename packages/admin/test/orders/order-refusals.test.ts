import {
  type CardPaymentProvider,
  cancelOrder,
  confirmManualPayment,
  getOrder,
  manualProvider,
  type ProductDetail,
  shipOrder,
} from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  makeWorld,
  request,
  signedIn,
  textOf,
  type World,
} from '../support/world.js';
import { MANUAL_ONLY, placeTestOrder, sellableProduct } from './fixtures.js';

/** A card provider that hands out a hosted page and never hears back (no network). */
const quietCard: CardPaymentProvider = {
  id: 'stripe',
  checkoutOrigin: 'https://pay.test',
  async start(input) {
    return {
      kind: 'redirect',
      sessionId: `cs_test_${input.paymentId}`,
      url: `https://pay.test/${input.paymentId}`,
      expiresAt: input.expiresAt,
    };
  },
  async refund() {
    return { status: 'failed', providerRefundId: null };
  },
  async getCheckout(sessionId) {
    return {
      sessionId,
      status: 'open',
      paymentStatus: 'unpaid',
      paymentIntentId: null,
      amount: null,
      metadata: {},
    };
  },
  async expireCheckout(sessionId) {
    return {
      sessionId,
      status: 'expired',
      paymentStatus: 'unpaid',
      paymentIntentId: null,
      amount: null,
      metadata: {},
    };
  },
  verifyWebhook() {
    throw new Error('not used');
  },
};
const gateway = { manual: manualProvider, card: quietCard };

let w: World;
let owner: Browser;
let ownerB: Browser;
let product: ProductDetail;
const url = (path = '') => `/admin/s/${w.a.ctx.shop.id}/orders${path}`;
const newOrder = (method?: string) =>
  placeTestOrder(w.a.ctx, {
    variantId: product.variants[0]!.id,
    gateway,
    ...(method ? { method } : {}),
  });
const paidOrder = async () => {
  const order = await newOrder();
  await confirmManualPayment(w.a.ctx, order.id);
  return order;
};

beforeAll(async () => {
  w = await makeWorld({ payments: gateway });
  owner = await signedIn(w, w.people.ownerA);
  ownerB = await signedIn(w, w.people.ownerB);
  product = await sellableProduct(w.a.ctx);
});

describe('illegal moves are refused with the order as it is now (409)', () => {
  it('cannot ship an unpaid order, deliver a paid one, or confirm a cancelled one', async () => {
    const unpaid = await newOrder();
    const ship = await request(w, url(`/${unpaid.id}/ship`), {
      browser: owner,
      form: { carrier: 'DHL', trackingNumber: 'JD1' },
    });
    expect(ship.status).toBe(409);
    expect(await textOf(ship)).toContain(
      'The order changed meanwhile: it is now “Awaiting payment”. Look at it again.',
    );
    expect((await getOrder(w.a.ctx, unpaid.id)).status).toBe('pending_payment');

    const paid = await paidOrder();
    const deliver = await request(w, url(`/${paid.id}/deliver`), { browser: owner, form: {} });
    expect(deliver.status).toBe(409);
    expect((await getOrder(w.a.ctx, paid.id)).status).toBe('paid');

    const cancelled = await newOrder();
    await cancelOrder(w.a.ctx, cancelled.id, {}, { gateway: MANUAL_ONLY });
    const confirm = await request(w, url(`/${cancelled.id}/confirm-payment`), {
      browser: owner,
      form: {},
    });
    expect(confirm.status).toBe(409);
    expect(await textOf(confirm)).toContain('it is now “Cancelled”');
    expect((await getOrder(w.a.ctx, cancelled.id)).payment!.status).not.toBe('succeeded');
  });

  it('cannot cancel a shipped order, nor confirm a card payment by hand', async () => {
    const shipped = await paidOrder();
    await shipOrder(w.a.ctx, shipped.id, { carrier: 'DHL', trackingNumber: 'JD2' });
    const cancel = await request(w, url(`/${shipped.id}/cancel`), {
      browser: owner,
      form: { step: 'confirm' },
    });
    expect(cancel.status).toBe(409);
    expect((await getOrder(w.a.ctx, shipped.id)).status).toBe('shipped');

    const card = await newOrder('card');
    const page = await textOf(await request(w, url(`/${card.id}`), { browser: owner }));
    expect(page).not.toContain('Has the money arrived?');
    const confirm = await request(w, url(`/${card.id}/confirm-payment`), {
      browser: owner,
      form: {},
    });
    expect(confirm.status).toBe(409);
    expect(await textOf(confirm)).toContain('Card payments are confirmed by the bank');
    expect((await getOrder(w.a.ctx, card.id)).status).toBe('pending_payment');
  });
});

describe('refunds', () => {
  it('refuses more than was captured, at review and at confirmation, keeping the input', async () => {
    const order = await paidOrder();
    const total = (await getOrder(w.a.ctx, order.id)).totalMinor;
    const tooMuch = (total / 100 + 1).toFixed(2);
    const review = await request(w, url(`/${order.id}/refund`), {
      browser: owner,
      form: { step: 'review', amount: tooMuch, reason: 'Broken in transit' },
    });
    expect(review.status).toBe(400);
    const html = await review.text();
    expect(html).toContain(`value="${tooMuch}"`);
    expect(html).toContain('value="Broken in transit"');
    expect(html).toMatch(/name="amount"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/At most \$[\d.,]+ can be refunded\./);

    // A forged (or stale) confirmation: core refuses it, nothing is refunded.
    const forged = await request(w, url(`/${order.id}/refund`), {
      browser: owner,
      form: { step: 'confirm', amountMinor: String(total + 1), amount: tooMuch },
    });
    expect(forged.status).toBe(400);
    expect(await textOf(forged)).toMatch(/At most \$[\d.,]+ can be refunded\./);
    const after = await getOrder(w.a.ctx, order.id);
    expect(after.refunds).toEqual([]);
    expect(after.payment!.refundedMinor).toBe(0);
  });

  it('names a typed amount that is not money, and refuses a refund of an unpaid order', async () => {
    const order = await paidOrder();
    for (const amount of ['abc', '-5', '1.234']) {
      const res = await request(w, url(`/${order.id}/refund`), {
        browser: owner,
        form: { step: 'review', amount },
      });
      expect(res.status, amount).toBe(400);
      expect(await res.text(), amount).toMatch(/name="amount"[^>]*aria-invalid="true"/);
    }
    const unpaid = await newOrder();
    const res = await request(w, url(`/${unpaid.id}/refund`), {
      browser: owner,
      form: { step: 'confirm', amountMinor: '100' },
    });
    expect(res.status).toBe(409);
    expect(await textOf(res)).toContain('Nothing left to refund on this order.');
  });

  it('keeps a cancel reason that has markup, with the error next to it', async () => {
    const order = await newOrder();
    const res = await request(w, url(`/${order.id}/cancel`), {
      browser: owner,
      form: { step: 'review', cancelReason: 'nope <script>' },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="nope &lt;script&gt;"');
    expect(html).toContain('Do not use &lt; or &gt;.');
    expect((await getOrder(w.a.ctx, order.id)).status).toBe('pending_payment');
  });
});

describe('tenancy and forgery', () => {
  it("gives 404 for another shop's order, whichever shop the URL names", async () => {
    const mine = await newOrder();
    const bUrl = `/admin/s/${w.b.ctx.shop.id}/orders`;
    // B's owner with A's order inside B's shop, and A's owner with B's order inside A's.
    expect((await request(w, `${bUrl}/${mine.id}`, { browser: ownerB })).status).toBe(404);
    const viaB = await request(w, `${bUrl}/${mine.id}/confirm-payment`, {
      browser: ownerB,
      form: {},
    });
    expect(viaB.status).toBe(404);
    expect((await request(w, url(`/${w.b.orderId}`), { browser: owner })).status).toBe(404);
    const ship = await request(w, url(`/${w.b.orderId}/cancel`), {
      browser: owner,
      form: { step: 'confirm' },
    });
    expect(ship.status).toBe(404);
    expect((await getOrder(w.a.ctx, mine.id)).status).toBe('pending_payment');
    expect((await getOrder(w.b.ctx, w.b.orderId)).status).toBe('pending_payment');
    // B's list shows none of A's orders.
    expect(await (await request(w, bUrl, { browser: ownerB })).text()).not.toContain(mine.id);
  });

  it('refuses a post without the form token, or from another site (CSRF), and changes nothing', async () => {
    const order = await newOrder();
    const noToken = await request(w, url(`/${order.id}/confirm-payment`), {
      browser: owner,
      form: {},
      csrf: null,
    });
    expect(noToken.status).toBe(403);
    const wrongToken = await request(w, url(`/${order.id}/confirm-payment`), {
      browser: owner,
      form: {},
      csrf: 'x'.repeat(43),
    });
    expect(wrongToken.status).toBe(403);
    const foreign = await request(w, url(`/${order.id}/confirm-payment`), {
      browser: owner,
      form: {},
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect((await getOrder(w.a.ctx, order.id)).status).toBe('pending_payment');
  });
});
