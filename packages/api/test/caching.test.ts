import { setVariantStock } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeApiWorld, makeProduct } from './support/api-world.js';

describe('ETags', () => {
  it('a GET carries an ETag; If-None-Match answers 304 without a body until something changes', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const p = await makeProduct(shop);
    const path = `/v1/shops/${shop.shop.slug}/products/${p.id}`;
    const first = await w.call('GET', path);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const again = await w.call('GET', path, { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe('public, no-cache');

    await setVariantStock(shop, p.variants[0]!.id, { stockOnHand: 1 });
    const changed = await w.call('GET', path, { headers: { 'If-None-Match': tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect(changed.body.variants[0].stockOnHand).toBe(1);
  });

  it('token responses are private and vary by token; errors are never stored', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const token = await w.tokenFor(shop, ['settings:read']);
    const res = await w.call('GET', `/v1/admin/shops/${shop.shop.id}/settings`, { token });
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toBe('Authorization');
    const tag = res.headers.get('etag')!;
    const same = await w.call('GET', `/v1/admin/shops/${shop.shop.id}/settings`, {
      token,
      headers: { 'If-None-Match': `W/${tag}, "other"` },
    });
    expect(same.status).toBe(304);
    const missing = await w.call('GET', `/v1/shops/nope`);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('etag')).toBeNull();
  });
});

describe('browser front ends on other origins', () => {
  it('answers the CORS preflight and exposes ETag and the rate-limit headers', async () => {
    const w = await makeApiWorld({ rateLimit: {} });
    const preflight = await w.app.request('/api/v1/villages', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const res = await w.call('GET', '/v1/villages', {
      headers: { Origin: 'https://shop.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag.*RateLimit-Remaining/);
  });
});
