import { confirmManualPayment, type ShopContext } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import {
  makeCheckoutShop,
  makeMolcajete,
  placeTestOrder,
  testGateway,
} from '../../core/test/support/checkout-factories.js';
import { makeApiWorld } from './support/api-world.js';

async function orderWorld() {
  const w = await makeApiWorld();
  const shop = await makeCheckoutShop(w.db);
  const molcajete = await makeMolcajete(shop);
  const place = async (ctx: ShopContext = shop) => {
    const { placed } = await placeTestOrder(ctx, {
      gateway: testGateway(),
      lines: [{ variantId: molcajete.variants[0]!.id, quantity: 1 }],
    });
    if (!placed.ok) throw new Error('not placed');
    return placed.order;
  };
  const reader = await w.tokenFor(shop, ['orders:read']);
  const writer = await w.tokenFor(shop, ['orders:write']);
  return { w, shop, place, reader, writer, base: `/v1/admin/shops/${shop.shop.id}/orders` };
}

describe('orders over the API', () => {
  it('lists and reads orders with amounts in the buyer’s currency', async () => {
    const { w, place, reader, base } = await orderWorld();
    const order = await place();
    const list = await w.call('GET', base, { token: reader });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: order.id,
        status: 'pending_payment',
        currency: 'EUR',
        itemCount: 1,
      }),
    ]);
    const one = await w.call('GET', `${base}/${order.id}`, { token: reader });
    expect(one.body).toMatchObject({
      id: order.id,
      currency: 'EUR',
      settlementCurrency: 'MXN',
      lines: [{ quantity: 1, currency: 'EUR' }],
      payment: { provider: 'manual', status: 'pending' },
    });
    expect(Number.isInteger(one.body.totalMinor)).toBe(true);
    const pending = await w.call('GET', `${base}?status=paid`, { token: reader });
    expect(pending.body.items).toEqual([]);
  });

  it('pages through orders once each', async () => {
    const { w, place, reader, base } = await orderWorld();
    const made = [await place(), await place(), await place()];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await w.call('GET', `${base}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: reader,
      });
      seen.push(...page.body.items.map((o: { id: string }) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(made.map((o) => o.id).sort());
  });

  it('ships a paid order (not an unpaid one), then refunds part of it', async () => {
    const { w, shop, place, writer, base } = await orderWorld();
    const order = await place();
    const tracking = { carrier: 'Estafeta', trackingNumber: 'EST123456' };
    const early = await w.call('POST', `${base}/${order.id}/ship`, {
      token: writer,
      json: tracking,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CONFLICT');

    await confirmManualPayment(shop, order.id);
    const shipped = await w.call('POST', `${base}/${order.id}/ship`, {
      token: writer,
      json: tracking,
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'shipped', carrier: 'Estafeta' });

    const refund = await w.call('POST', `${base}/${order.id}/refunds`, {
      token: writer,
      json: { amountMinor: 500, reason: 'chipped rim' },
    });
    expect(refund.status).toBe(201);
    expect(refund.body.refund).toMatchObject({ amountMinor: 500, currency: 'EUR' });
    expect(refund.body.order.payment.refundedMinor).toBe(500);

    const tooMuch = await w.call('POST', `${base}/${order.id}/refunds`, {
      token: writer,
      json: { amountMinor: order.totalMinor },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('VALIDATION');
  });

  it('orders:read may not ship or refund; shop B’s token does not see the order', async () => {
    const { w, place, reader, base } = await orderWorld();
    const order = await place();
    const ship = await w.call('POST', `${base}/${order.id}/ship`, {
      token: reader,
      json: { carrier: 'DHL', trackingNumber: '1' },
    });
    expect(ship.status).toBe(403);
    const refund = await w.call('POST', `${base}/${order.id}/refunds`, { token: reader, json: {} });
    expect(refund.status).toBe(403);
    const other = await w.makeShop();
    const stranger = await w.tokenFor(other, ['orders:write']);
    expect((await w.call('GET', `${base}/${order.id}`, { token: stranger })).status).toBe(404);
    const viaOwn = await w.call('GET', `/v1/admin/shops/${other.shop.id}/orders/${order.id}`, {
      token: stranger,
    });
    expect(viaOwn.status).toBe(404);
  });

  it('a malformed tracking URL is a 400 naming the field; nothing changes', async () => {
    const { w, shop, place, writer, reader, base } = await orderWorld();
    const order = await place();
    await confirmManualPayment(shop, order.id);
    const res = await w.call('POST', `${base}/${order.id}/ship`, {
      token: writer,
      json: { carrier: 'DHL', trackingNumber: '1', trackingUrl: 'javascript:alert(1)' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('trackingUrl');
    expect((await w.call('GET', `${base}/${order.id}`, { token: reader })).body.status).toBe(
      'paid',
    );
  });
});
