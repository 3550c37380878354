import { setManualRate } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeApiWorld, makeProduct, makeProducts, makeShop } from './support/api-world.js';

describe('public catalog', () => {
  it('lists live shops of a village, and a shop by slug', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const villages = await w.call('GET', '/v1/villages');
    expect(villages.status).toBe(200);
    const [village] = villages.body.items;
    const shops = await w.call('GET', `/v1/villages/${village.slug}/shops?locale=en`);
    expect(shops.body.items.map((s: { slug: string }) => s.slug)).toContain(shop.shop.slug);
    const one = await w.call('GET', `/v1/shops/${shop.shop.slug}?locale=en`);
    expect(one.body).toMatchObject({
      id: shop.shop.id,
      name: 'Hickory Nut Shop',
      textLocale: 'en',
    });
  });

  it('prices products in the requested currency and says when it cannot', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    await setManualRate(shop, { base: 'CNY', quote: 'USD', rate: '0.14' });
    const p = await makeProduct(shop);
    const usd = await w.call('GET', `/v1/shops/${shop.shop.slug}/products/${p.slug}?currency=usd`);
    expect(usd.status).toBe(200);
    expect(usd.body.variants[0].price).toMatchObject({
      available: true,
      amountMinor: 1199, // 88 CNY × 0.14 = 12.32 → nearest .99
      currency: 'USD',
      source: 'converted',
    });
    const eur = await w.call('GET', `/v1/shops/${shop.shop.slug}/products/${p.id}?currency=EUR`);
    expect(eur.body.priceFrom).toBeNull();
    expect(eur.body.variants[0].price).toEqual({
      available: false,
      currency: 'EUR',
      reason: 'NO_RATE',
    });
  });

  it('pages visit every product once, even while the seller adds more', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const made = await makeProducts(shop, 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = await w.call('GET', `/v1/shops/${shop.shop.id}/products?limit=3${q}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
      await makeProduct(shop); // newer than everything: never shows up behind the cursor
    } while (cursor);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen.sort()).toEqual(made.map((p) => p.id).sort());
  });

  it('searches in the seller’s languages', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const nuts = await makeProduct(shop, { texts: { 'zh-CN': { title: '临安山核桃' } } });
    await makeProduct(shop, { texts: { en: { title: 'Bamboo basket' } } });
    const res = await w.call(
      'GET',
      `/v1/shops/${shop.shop.id}/products?q=${encodeURIComponent('山核桃')}`,
    );
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([nuts.id]);
  });

  it('shows live shops and active products only; shop B’s path does not reach shop A’s product', async () => {
    const w = await makeApiWorld();
    const a = await w.makeShop();
    const b = await w.makeShop();
    const paused = await makeShop(w.db, { status: 'paused' });
    const product = await makeProduct(a);
    const draft = await makeProduct(a, { status: 'draft' });
    expect((await w.call('GET', `/v1/shops/${b.shop.id}/products/${product.id}`)).status).toBe(404);
    expect((await w.call('GET', `/v1/shops/${a.shop.id}/products/${draft.id}`)).status).toBe(404);
    expect((await w.call('GET', `/v1/shops/${paused.shop.slug}`)).status).toBe(404);
    expect((await w.call('GET', `/v1/shops/${paused.shop.slug}/products`)).status).toBe(404);
    const list = await w.call('GET', `/v1/shops/${b.shop.id}/products`);
    expect(list.body.items).toEqual([]);
  });

  it('texts in the requested language, falling back to the shop’s default', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const p = await makeProduct(shop);
    const es = await w.call('GET', `/v1/shops/${shop.shop.id}/products/${p.id}`, {
      headers: { 'Accept-Language': 'es-AR,es;q=0.9' },
    });
    expect(es.body).toMatchObject({ textLocale: 'zh-CN' });
    expect(es.headers.get('vary')).toBe('Accept-Language');
    const en = await w.call('GET', `/v1/shops/${shop.shop.id}/products/${p.id}?locale=en`);
    expect(en.body.textLocale).toBe('en');
    expect((await w.call('GET', `/v1/shops/${shop.shop.id}/products?locale=fr`)).status).toBe(400);
  });
});
