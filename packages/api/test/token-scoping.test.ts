import { createApiToken, listApiTokens, revokeApiToken } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeApiWorld, makeProduct } from './support/api-world.js';

const NEW_PRODUCT = {
  texts: { en: { title: 'Molcajete' } },
  variants: [{ sku: 'MOL-1', priceMinor: 85000, stockOnHand: 3, weightGrams: 4500 }],
};

describe('API tokens: who may do what', () => {
  it('no token on an admin endpoint: 401 problem with WWW-Authenticate', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const res = await w.call('GET', `/v1/admin/shops/${shop.shop.id}/products`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
    ['a malformed token', 'Bearer not-a-token'],
    ['an unknown token', `Bearer aldea_0123456789_${'a'.repeat(43)}`],
  ])('%s is refused with 401, on public endpoints too', async (_, header) => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    for (const path of [`/v1/admin/shops/${shop.shop.id}/products`, `/v1/shops/${shop.shop.id}`]) {
      const res = await w.call('GET', path, { headers: { Authorization: header } });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a revoked token is refused from the next request on', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const { token, apiToken } = await createApiToken(shop, { name: 'x', scopes: ['catalog:read'] });
    const path = `/v1/admin/shops/${shop.shop.id}/products`;
    expect((await w.call('GET', path, { token })).status).toBe(200);
    await revokeApiToken(shop, apiToken.id);
    const res = await w.call('GET', path, { token });
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/revoked/);
  });

  it('a token of shop A on shop B: 404, whether B is in the path or only its ids are', async () => {
    const w = await makeApiWorld();
    const a = await w.makeShop();
    const b = await w.makeShop();
    const bProduct = await makeProduct(b);
    const token = await w.tokenFor(a, ['catalog:write', 'orders:write', 'settings:write']);
    const onB = [
      ['GET', `/v1/admin/shops/${b.shop.id}/products`],
      ['GET', `/v1/admin/shops/${b.shop.slug}/settings`],
      ['GET', `/v1/admin/shops/${b.shop.id}/orders`],
      ['POST', `/v1/admin/shops/${b.shop.id}/products/${bProduct.id}/pause`],
    ] as const;
    for (const [method, path] of onB) {
      const res = await w.call(method, path, { token });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const viaA = [
      ['GET', `/v1/admin/shops/${a.shop.id}/products/${bProduct.id}`, undefined],
      ['PATCH', `/v1/admin/shops/${a.shop.id}/products/${bProduct.id}`, { originPlace: 'x' }],
      [
        'PUT',
        `/v1/admin/shops/${a.shop.id}/variants/${bProduct.variants[0]!.id}/stock`,
        { stockOnHand: 0 },
      ],
    ] as const;
    for (const [method, path, json] of viaA) {
      const res = await w.call(method, path, { token, ...(json ? { json } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Nothing of B changed.
    const still = await w.call('GET', `/v1/shops/${b.shop.id}/products/${bProduct.id}`);
    expect(still.body.status).toBe('active');
    expect(still.body.variants[0].stockOnHand).toBe(10);
  });

  it('a missing scope is 403; a :write scope includes its :read', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const reader = await w.tokenFor(shop, ['catalog:read']);
    const writer = await w.tokenFor(shop, ['catalog:write']);
    const base = `/v1/admin/shops/${shop.shop.id}`;
    const refused = await w.call('POST', `${base}/products`, { token: reader, json: NEW_PRODUCT });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'FORBIDDEN',
      detail: expect.stringMatching(/catalog:write/),
    });
    expect((await w.call('GET', `${base}/orders`, { token: writer })).status).toBe(403);
    expect((await w.call('GET', `${base}/settings`, { token: writer })).status).toBe(403);
    expect((await w.call('GET', `${base}/products`, { token: writer })).status).toBe(200);
    expect(
      (await w.call('POST', `${base}/products`, { token: writer, json: NEW_PRODUCT })).status,
    ).toBe(201);
    // The refused request wrote nothing: only the writer's product exists.
    const all = await w.call('GET', `${base}/products`, { token: reader });
    expect(all.body.items).toHaveLength(1);
  });

  it('a platform token acts in no shop, and a shop token is not an operator', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const { createPlatformApiToken, platformContext } = await import('@aldea/core');
    const platform = (
      await createPlatformApiToken(platformContext(w.db), { name: 'fx', scopes: ['fx:write'] })
    ).token;
    expect(
      (await w.call('GET', `/v1/admin/shops/${shop.shop.id}/products`, { token: platform })).status,
    ).toBe(404);
    const shopToken = await w.tokenFor(shop, ['settings:write']);
    const res = await w.call('GET', '/v1/fx/rates', { token: shopToken });
    expect(res.status).toBe(403);
  });

  it('records when a token was last used', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const token = await w.tokenFor(shop, ['catalog:read']);
    expect((await listApiTokens(shop))[0]?.lastUsedAt).toBeNull();
    await w.call('GET', `/v1/admin/shops/${shop.shop.id}/products`, { token });
    expect((await listApiTokens(shop))[0]?.lastUsedAt).toBeInstanceOf(Date);
  });
});
