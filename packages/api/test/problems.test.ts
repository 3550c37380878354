import { describe, expect, it, vi } from 'vitest';
import { sqliteClient } from '../../core/src/db/sqlite/open-sqlite.js';
import { makeApiWorld, makeProduct } from './support/api-world.js';

const product = (sku = 'MOL-1') => ({
  texts: { en: { title: 'Molcajete' } },
  variants: [{ sku, priceMinor: 85000, stockOnHand: 3, weightGrams: 4500 }],
});

async function writer() {
  const w = await makeApiWorld({ maxBodyBytes: 2_000 });
  const shop = await w.makeShop();
  const token = await w.tokenFor(shop, ['catalog:write']);
  return { w, shop, token, base: `/v1/admin/shops/${shop.shop.id}` };
}

describe('problem+json on every error path', () => {
  it('400: a query that does not match the schema names the field', async () => {
    const { w, token, base } = await writer();
    const res = await w.call('GET', `${base}/products?limit=abc&currency=dollars`, { token });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'currency',
      'limit',
    ]);
  });

  it('400: malformed JSON, and a body missing required fields, list what is wrong', async () => {
    const { w, token, base } = await writer();
    const malformed = await w.call('POST', `${base}/products`, {
      token,
      raw: '{"texts":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('BAD_REQUEST');
    const missing = await w.call('POST', `${base}/products`, {
      token,
      json: { texts: { en: { title: '' } }, variants: [{ sku: 'has space', priceMinor: 1.5 }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([
        'texts.en.title',
        'variants.0.sku',
        'variants.0.priceMinor',
        'variants.0.stockOnHand',
      ]),
    );
  });

  it('413: a body over the limit, nothing written', async () => {
    const { w, token, base } = await writer();
    const big = product();
    big.texts.en = { title: 'x'.repeat(3_000) } as never;
    const res = await w.call('POST', `${base}/products`, { token, json: big });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await w.call('GET', `${base}/products`, { token })).body.items).toEqual([]);
  });

  it('415: a body that is not JSON', async () => {
    const { w, token, base } = await writer();
    const res = await w.call('POST', `${base}/products`, {
      token,
      raw: 'title=Molcajete',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('422: well-formed but refused by the shop’s rules (too many decimals for CNY; a foreign cursor)', async () => {
    const { w, token, base } = await writer();
    const res = await w.call('POST', `${base}/products`, {
      token,
      json: {
        texts: { en: { title: 'Nuts' } },
        variants: [{ sku: 'N-1', price: '12.345', stockOnHand: 1, weightGrams: 500 }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'variants.0.price' }] });
    const cursor = await w.call('GET', `${base}/products?cursor=bm90LWEtY3Vyc29y`, { token });
    expect(cursor.status).toBe(422);
    expect(cursor.body.errors[0].path).toBe('cursor');
  });

  it('409: a SKU already used in the shop', async () => {
    const { w, token, base } = await writer();
    expect((await w.call('POST', `${base}/products`, { token, json: product('DUP') })).status).toBe(
      201,
    );
    const again = await w.call('POST', `${base}/products`, { token, json: product('DUP') });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('404: unknown endpoints and unknown ids', async () => {
    const { w, token, base } = await writer();
    const route = await w.call('GET', '/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('NOT_FOUND');
    const id = await w.call('GET', `${base}/products/prod_01jd3k8w2x9m4q7rtv5bz6c8ha`, { token });
    expect(id.status).toBe(404);
    expect(id.body).toMatchObject({
      type: '/api/docs#problem-not-found',
      title: 'Not found',
      instance: `/api${base}/products/prod_01jd3k8w2x9m4q7rtv5bz6c8ha`,
    });
  });

  it('500: an unexpected failure logs the cause with the request id, shows neither, saves nothing', async () => {
    const logger = vi.fn();
    const w = await makeApiWorld({ logger });
    const shop = await w.makeShop();
    const token = await w.tokenFor(shop, ['catalog:write']);
    const existing = await makeProduct(shop);
    sqliteClient(shop.db.read).exec(
      "CREATE TRIGGER disk_on_fire BEFORE INSERT ON variants BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    const res = await w.call('POST', `/v1/admin/shops/${shop.shop.id}/products`, {
      token,
      json: product(),
    });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL');
    expect(res.text).not.toMatch(/disk on fire|at .*\.ts/);
    expect(logger).toHaveBeenCalledWith(
      expect.objectContaining({
        requestId: res.body.requestId,
        error: expect.stringMatching(/disk on fire/),
      }),
    );
    const list = await w.call('GET', `/v1/admin/shops/${shop.shop.id}/products`, { token });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([existing.id]);
  });
});
