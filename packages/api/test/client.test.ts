import { describe, expect, it } from 'vitest';
import { createApiClient } from '../src/index.js';
import { makeApiWorld, makeProduct } from './support/api-world.js';

describe('the typed client', () => {
  it('round-trips through the API with typed paths, bodies and responses', async () => {
    const w = await makeApiWorld();
    const shop = await w.makeShop();
    const token = await w.tokenFor(shop, ['catalog:write']);
    const fetch = (input: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(w.app.request(input instanceof Request ? input : String(input), init));
    const api = createApiClient('http://localhost/api/', token, { fetch });

    const created = await api.v1.admin.shops[':shop'].products.$post({
      param: { shop: shop.shop.slug },
      json: {
        status: 'active',
        texts: { en: { title: 'Hickory nuts' } },
        variants: [{ sku: 'HN-500', priceMinor: 8800, stockOnHand: 5, weightGrams: 500 }],
      },
    });
    expect(created.status).toBe(201);
    if (created.status !== 201) return;
    const product = await created.json();
    expect(product.variants[0]?.priceMinor).toBe(8800);

    const stock = await api.v1.admin.shops[':shop'].variants[':variant'].stock.$put({
      param: { shop: shop.shop.slug, variant: product.variants[0]!.id },
      json: { stockOnHand: 2 },
    });
    expect(stock.ok).toBe(true);

    const anonymous = createApiClient('http://localhost/api', undefined, { fetch });
    const page = await anonymous.v1.shops[':shop'].products.$get({
      param: { shop: shop.shop.slug },
      query: { limit: '10' },
    });
    if (page.status !== 200) throw new Error(`unexpected ${page.status}`);
    const body = await page.json();
    expect(body.items.map((p) => [p.id, p.variants[0]?.stockOnHand])).toEqual([[product.id, 2]]);
    expect(body.nextCursor).toBeNull();

    // Errors come back as problems with their status.
    await makeProduct(shop);
    const refused = await anonymous.v1.admin.shops[':shop'].products.$get({
      param: { shop: shop.shop.slug },
      query: {},
    });
    expect(refused.status).toBe(401);
  });

  it('rejects wrong shapes at compile time', () => {
    const api = createApiClient('http://localhost/api', 'token');
    const typed = () =>
      api.v1.admin.shops[':shop'].variants[':variant'].stock.$put({
        param: { shop: 's', variant: 'v' },
        // @ts-expect-error stock is a number of units, not text
        json: { stockOnHand: 'two' },
      });
    expect(typeof typed).toBe('function');
  });
});
