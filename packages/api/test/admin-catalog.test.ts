import { setManualRate } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeApiWorld, makeProduct } from './support/api-world.js';

async function catalogWorld() {
  const w = await makeApiWorld();
  const shop = await w.makeShop();
  const token = await w.tokenFor(shop, ['catalog:write']);
  return { w, shop, token, base: `/v1/admin/shops/${shop.shop.slug}` };
}

describe('shop catalog over the API', () => {
  it('creates a draft with a typed price, reads it back by id and slug, changes and publishes it', async () => {
    const { w, token, base } = await catalogWorld();
    const created = await w.call('POST', `${base}/products`, {
      token,
      json: {
        texts: { 'es-MX': { title: 'Molcajete de piedra volcánica' }, en: { title: 'Molcajete' } },
        variants: [{ sku: 'MOL-20', price: '850.50', stockOnHand: 3, weightGrams: 4500 }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      baseCurrency: 'CNY',
      variants: [
        {
          sku: 'MOL-20',
          priceMinor: 85050,
          price: { available: true, amountMinor: 85050, source: 'base' },
        },
      ],
    });
    const { id, slug } = created.body;
    expect((await w.call('GET', `${base}/products/${slug}`, { token })).body.id).toBe(id);
    const full = await w.call('GET', `${base}/products/${id}?locale=es-MX`, { token });
    expect(full.body.title).toBe('Molcajete de piedra volcánica');
    expect(Object.keys(full.body.textsByLocale).sort()).toEqual(['en', 'es-MX']);
    // A draft is not public.
    expect((await w.call('GET', `/v1/shops/${full.body.shopId}/products/${id}`)).status).toBe(404);

    const changed = await w.call('PATCH', `${base}/products/${id}`, {
      token,
      json: { originPlace: 'Comonfort', texts: { en: { title: 'Volcanic-stone molcajete' } } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.originPlace).toBe('Comonfort');
    const published = await w.call('POST', `${base}/products/${id}/publish`, { token });
    expect(published.body.status).toBe('active');
    expect((await w.call('GET', `/v1/shops/${full.body.shopId}/products/${id}`)).status).toBe(200);
    expect((await w.call('POST', `${base}/products/${id}/pause`, { token })).body.status).toBe(
      'paused',
    );
    expect((await w.call('POST', `${base}/products/${id}/archive`, { token })).body.status).toBe(
      'archived',
    );
  });

  it('refuses to publish a product that cannot be sold (409), changing nothing', async () => {
    const { w, token, base } = await catalogWorld();
    const draft = await w.call('POST', `${base}/products`, {
      token,
      json: { texts: { en: { title: 'Empty' } }, variants: [] },
    });
    const res = await w.call('POST', `${base}/products/${draft.body.id}/publish`, { token });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].path).toBe('variants');
    expect((await w.call('GET', `${base}/products/${draft.body.id}`, { token })).body.status).toBe(
      'draft',
    );
  });

  it('sets stock and prices of a variant; money stays integer minor units', async () => {
    const { w, shop, token, base } = await catalogWorld();
    const p = await makeProduct(shop);
    const variant = p.variants[0]!.id;
    const stock = await w.call('PUT', `${base}/variants/${variant}/stock`, {
      token,
      json: { stockOnHand: 42 },
    });
    expect(stock.body).toMatchObject({ id: variant, stockOnHand: 42 });
    const negative = await w.call('PUT', `${base}/variants/${variant}/stock`, {
      token,
      json: { stockOnHand: -1 },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].path).toBe('stockOnHand');
    const price = await w.call('PUT', `${base}/variants/${variant}/price`, {
      token,
      json: { price: '99.90', fixedPrices: { USD: 1499 } },
    });
    expect(price.body).toMatchObject({ priceMinor: 9990, fixedPrices: { USD: 1499 } });
    const usd = await w.call('GET', `/v1/shops/${shop.shop.id}/products/${p.id}?currency=USD`);
    expect(usd.body.variants[0].price).toMatchObject({ amountMinor: 1499, source: 'fixed' });
  });

  it('previews prices in every offered currency, with the rule that made each', async () => {
    const { w, shop, base } = await catalogWorld();
    await setManualRate(shop, { base: 'CNY', quote: 'USD', rate: '0.14' });
    const reader = await w.tokenFor(shop, ['catalog:read']);
    const res = await w.call('POST', `${base}/price-preview`, {
      token: reader,
      json: { priceMinor: 8800 },
    });
    expect(res.status).toBe(200);
    const byCurrency = Object.fromEntries(
      res.body.items.map((r: { currency: string }) => [r.currency, r]),
    );
    expect(res.body.items[0].currency).toBe('CNY');
    expect(byCurrency.USD).toMatchObject({
      price: { amountMinor: 1199, source: 'converted' },
      rule: { rounding: 'end-99', source: 'default' },
      beforeRounding: '12.3200',
    });
    expect(byCurrency.EUR.price).toEqual({ available: false, currency: 'EUR', reason: 'NO_RATE' });
  });

  it('lists drafts too, filters by status, and pages through every product once', async () => {
    const { w, shop, token, base } = await catalogWorld();
    const active = await Promise.all([makeProduct(shop), makeProduct(shop), makeProduct(shop)]);
    const draft = await makeProduct(shop, { status: 'draft' });
    const drafts = await w.call('GET', `${base}/products?status=draft`, { token });
    expect(drafts.body.items.map((p: { id: string }) => p.id)).toEqual([draft.id]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await w.call(
        'GET',
        `${base}/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token,
        },
      );
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...active, draft].map((p) => p.id).sort());
  });
});
