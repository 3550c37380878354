import { getOrder, getProduct, type ProductDetail, uploadPaymentReceipt } from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  jpeg,
  makeWorld,
  mexicanShop,
  request,
  signedIn,
  textOf,
  type World,
} from '../support/world.js';
import { placeTestOrder, sellableProduct } from './fixtures.js';

let w: World;
let owner: Browser;
let staff: Browser;
const url = (path = '') => `/admin/s/${w.a.ctx.shop.id}/orders${path}`;
let product: ProductDetail;
const variantId = () => product.variants[0]!.id;

beforeAll(async () => {
  w = await makeWorld();
  owner = await signedIn(w, w.people.ownerA);
  staff = await signedIn(w, w.people.staffA);
  product = await sellableProduct(w.a.ctx);
});

/** A bank-transfer order in USD (the shop thinks in CNY). */
const usdOrder = (quantity = 1) =>
  placeTestOrder(w.a.ctx, { variantId: variantId(), quantity, currency: 'USD' });

describe('the order list', () => {
  it('puts what to do next first and filters by status', async () => {
    const order = await usdOrder();
    const res = await request(w, url(), { browser: owner });
    expect(res.status).toBe(200);
    const html = await res.text();
    const todo = html.indexOf('What to do next');
    const all = html.indexOf('All orders');
    expect(todo).toBeGreaterThan(0);
    expect(todo).toBeLessThan(all);
    expect(html).toContain(`/orders/${order.id}"`);
    expect(html).toMatch(/Confirm a payment \(\d+\)/);
    expect(html).toContain('Bank transfer');

    const paid = await textOf(await request(w, url('?status=paid'), { browser: owner }));
    expect(paid).not.toContain(`Order ${order.number}`);
    expect(paid).toContain('No orders with this status.');
    const pending = await request(w, url('?status=pending_payment'), { browser: owner });
    expect(await pending.text()).toContain(`/orders/${order.id}"`);
    // The dashboard says it too, before anything else to do.
    const dashboard = await textOf(
      await request(w, `/admin/s/${w.a.ctx.shop.id}`, { browser: owner }),
    );
    expect(dashboard).toMatch(/What to do next Confirm a payment \(\d+\) Add a product/);
    // A status nobody knows is simply no filter, never an error.
    expect((await request(w, url('?status=<b>'), { browser: owner })).status).toBe(200);
  });
});

describe('an order, step by step', () => {
  it('shows the address, the lines, both currencies, the reference and the receipt photo', async () => {
    const order = await usdOrder(2);
    const photo = await uploadPaymentReceipt(w.a.ctx, order.statusToken, {
      bytes: await jpeg(900, 1200, '#f4f1ea'),
      filename: 'recibo.jpg',
      storage: w.storage,
    });
    expect(photo.ok).toBe(true);
    const res = await request(w, url(`/${order.id}`), { browser: owner });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Ana Peeters');
    expect(text).toContain('Rue Haute 12');
    expect(text).toContain(product.title);
    expect(text).toContain('× 2');
    expect(text).toContain('Buyer paid (USD)');
    expect(text).toContain('You (CNY)');
    expect(text).toMatch(/≈ CN¥[\d,.]+/);
    expect(text).toContain('1 CNY = 0.14 USD');
    expect(text).toContain(order.paymentReference);
    expect(text).toContain('International order: the buyer pays import duties.');
    expect(html).toMatch(new RegExp(`<img src="/admin/s/${w.a.ctx.shop.id}/media/[^"]+\\.webp"`));
    expect(html).toContain('mailto:ana@example.be');
    expect(html).toContain(`action="${url(`/${order.id}/confirm-payment`)}"`);
  });

  it('confirms a bank transfer, ships with tracking, marks delivered — all in the history and the log', async () => {
    const order = await usdOrder();
    const confirm = await request(w, url(`/${order.id}/confirm-payment`), {
      browser: owner,
      form: {},
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(
      `${url(`/${order.id}`)}?ok=orders.flash.confirmed`,
    );
    expect((await getOrder(w.a.ctx, order.id)).status).toBe('paid');
    const after = await textOf(
      await request(w, confirm.headers.get('location')!, { browser: owner }),
    );
    expect(after).toContain('Payment confirmed. Now pack and ship the order.');
    expect(after).toContain('Mark shipped');
    expect(after).not.toContain('Has the money arrived?');

    const ship = await request(w, url(`/${order.id}/ship`), {
      browser: owner,
      form: { carrier: 'China Post', trackingNumber: 'LX123456789CN', trackingUrl: '' },
    });
    expect(ship.status).toBe(303);
    const shipped = await getOrder(w.a.ctx, order.id);
    expect(shipped).toMatchObject({
      status: 'shipped',
      carrier: 'China Post',
      trackingNumber: 'LX123456789CN',
      trackingUrl: null,
    });
    const deliver = await request(w, url(`/${order.id}/deliver`), { browser: owner, form: {} });
    expect(deliver.status).toBe(303);
    expect((await getOrder(w.a.ctx, order.id)).status).toBe('delivered');
    const page = await textOf(await request(w, url(`/${order.id}`), { browser: owner }));
    expect(page).toContain('Shipped with China Post, tracking LX123456789CN');
    expect(page).toContain('Delivered');
    const log = await textOf(
      await request(w, `/admin/s/${w.a.ctx.shop.id}/audit`, { browser: owner }),
    );
    for (const action of ['order.payment.confirm', 'order.ship', 'order.deliver']) {
      expect(log).toContain(action);
    }
  });

  it('keeps the seller’s input when the tracking link is not a web address', async () => {
    const order = await usdOrder();
    await request(w, url(`/${order.id}/confirm-payment`), { browser: owner, form: {} });
    const res = await request(w, url(`/${order.id}/ship`), {
      browser: owner,
      form: { carrier: 'DHL', trackingNumber: 'JD0146', trackingUrl: 'javascript:alert(1)' },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="DHL"');
    expect(html).toContain('value="JD0146"');
    expect(html).toMatch(/name="trackingUrl"[^>]*aria-invalid="true"/);
    expect(html).toContain('Use a web address starting with https://');
    const empty = await request(w, url(`/${order.id}/ship`), {
      browser: owner,
      form: { carrier: '', trackingNumber: 'JD0146' },
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/name="carrier"[^>]*aria-invalid="true"/);
    expect((await getOrder(w.a.ctx, order.id)).status).toBe('paid');
  });

  it('cancels an unpaid order after a confirmation step, and the stock comes back', async () => {
    const before = (await getProduct(w.a.ctx, product.id)).variants[0]!.stockOnHand;
    const order = await usdOrder();
    const review = await request(w, url(`/${order.id}/cancel`), {
      browser: owner,
      form: { step: 'review', cancelReason: 'Buyer asked' },
    });
    expect(review.status).toBe(200);
    const page = await textOf(review);
    expect(page).toContain(`Cancel order ${order.number}?`);
    expect(page).toContain('Reason: Buyer asked');
    expect((await getOrder(w.a.ctx, order.id)).status).toBe('pending_payment');
    const done = await request(w, url(`/${order.id}/cancel`), {
      browser: owner,
      form: { step: 'confirm', cancelReason: 'Buyer asked' },
    });
    expect(done.status).toBe(303);
    const cancelled = await getOrder(w.a.ctx, order.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Buyer asked' });
    const stock = (await getProduct(w.a.ctx, product.id)).variants[0]!.stockOnHand;
    expect(stock).toBe(before);
  });
});

describe('refunds', () => {
  it('reviews a partial refund in the captured currency, then refunds it; the rest later', async () => {
    const order = await usdOrder();
    await request(w, url(`/${order.id}/confirm-payment`), { browser: owner, form: {} });
    const review = await request(w, url(`/${order.id}/refund`), {
      browser: owner,
      form: { step: 'review', amount: '5.50', reason: 'Chipped lid' },
    });
    expect(review.status).toBe(200);
    const html = await review.text();
    expect(html).toContain('Refund $5.50?');
    expect(html).toContain('in USD, the currency they paid in');
    expect(html).toMatch(/About CN¥[\d.,]+ in your currency/);
    expect(html).toContain('name="amountMinor" value="550"');
    expect((await getOrder(w.a.ctx, order.id)).refunds).toEqual([]);

    const done = await request(w, url(`/${order.id}/refund`), {
      browser: owner,
      form: { step: 'confirm', amountMinor: '550', reason: 'Chipped lid' },
    });
    expect(done.status).toBe(303);
    const refunded = await getOrder(w.a.ctx, order.id);
    expect(refunded.refunds.map((r) => [r.amountMinor, r.currency, r.status])).toEqual([
      [550, 'USD', 'succeeded'],
    ]);
    const rest = await request(w, url(`/${order.id}/refund`), {
      browser: owner,
      form: { step: 'review', amount: '' },
    });
    const left = order.totalMinor - 550;
    expect(await rest.text()).toContain(`name="amountMinor" value="${left}"`);
    const log = await textOf(
      await request(w, `/admin/s/${w.a.ctx.shop.id}/audit`, { browser: owner }),
    );
    expect(log).toContain('order.refund');
  });

  it('cancels a paid order with its full refund shown before it happens', async () => {
    const order = await usdOrder();
    await request(w, url(`/${order.id}/confirm-payment`), { browser: owner, form: {} });
    const review = await textOf(
      await request(w, url(`/${order.id}/cancel`), { browser: owner, form: { step: 'review' } }),
    );
    expect(review).toMatch(/\$[\d.,]+ is refunded to the buyer\./);
    const done = await request(w, url(`/${order.id}/cancel`), {
      browser: owner,
      form: { step: 'confirm', cancelReason: '' },
    });
    expect(done.status).toBe(303);
    const cancelled = await getOrder(w.a.ctx, order.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.payment!.refundedMinor).toBe(cancelled.payment!.capturedMinor);
  });
});

describe('in Spanish', () => {
  it('shows a Mexican workshop’s order screens in the owner’s language', async () => {
    const mx = await mexicanShop(w);
    const page = await textOf(
      await request(w, `/admin/s/${mx.ctx.shop.id}/orders`, { browser: mx.browser }),
    );
    expect(page).toContain('Lo que sigue');
    expect(page).toContain('Todos los pedidos');
    expect(page).toContain('No hay nada pendiente.');
  });
});

describe('staff', () => {
  it('may confirm and ship but not refund: no refund form, and a refund post is 403', async () => {
    const order = await usdOrder();
    const confirm = await request(w, url(`/${order.id}/confirm-payment`), {
      browser: staff,
      form: {},
    });
    expect(confirm.status).toBe(303);
    const page = await textOf(await request(w, url(`/${order.id}`), { browser: staff }));
    expect(page).toContain('Only the shop owner can refund or cancel a paid order.');
    expect(page).not.toContain('Review the refund');
    const forms: Record<string, string>[] = [
      { step: 'review', amount: '1' },
      { step: 'confirm', amountMinor: '100' },
    ];
    for (const form of forms) {
      const res = await request(w, url(`/${order.id}/refund`), { browser: staff, form });
      expect(res.status).toBe(403);
    }
    // Cancelling a paid order refunds it: core refuses staff that too.
    const cancel = await request(w, url(`/${order.id}/cancel`), {
      browser: staff,
      form: { step: 'confirm' },
    });
    expect(cancel.status).toBe(403);
    const after = await getOrder(w.a.ctx, order.id);
    expect(after.status).toBe('paid');
    expect(after.refunds).toEqual([]);
  });
});
