import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/app.ts';
import { seedDemo } from '../src/seed.ts';
import { CHEAP_PASSWORDS, freshDemoDb, quietLogger, smallSeedData } from './support.ts';

describe('the demo app', () => {
  let app: ReturnType<typeof createDemoApp>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const { db, storage } = await freshDemoDb();
    await seedDemo(db, storage, { data: await smallSeedData(1, 2), passwordCost: CHEAP_PASSWORDS });
    app = createDemoApp({ db, storage, logger: quietLogger });
    close = () => db.close();
  }, 120_000);

  it('answers GET /healthz with 200 JSON once the database answers', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the JSON API at /api with its OpenAPI document and public catalog', async () => {
    const doc = await app.request('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
    const villages = await app.request('/api/v1/villages');
    expect(villages.status).toBe(200);
    expect(JSON.stringify(await villages.json())).toContain('bainiu');
  });

  it('answers a catalogue page it keeps before routing anything, and routes everything else', async () => {
    const url = 'http://localhost/v/bainiu?lang=en&currency=EUR';
    const first = await app.request(url);
    await app.request(url); // kept, with its headers; its version is read
    const kept = app.fetch(new Request(url));
    expect(kept).toBeInstanceOf(Response); // no promise: the storefront's front door answered
    expect((kept as Response).headers.get('x-aldea-cache')).toBe('hit');
    expect(await (kept as Response).text()).toBe(await first.text());
    // The app's own routes are never answered there.
    for (const path of ['/healthz', '/api/v1/villages', '/admin/login']) {
      expect(app.fetch(new Request(`http://localhost${path}`))).toBeInstanceOf(Promise);
    }
  });

  it('serves the storefront at / listing both villages', async () => {
    const res = await app.request('/', { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('Bainiu');
    expect(html).toContain('Comonfort');
  });

  it('serves a shop in Chinese with its products and CNY prices, and their photos', async () => {
    const res = await app.request('/s/laolin-hickory?lang=zh-CN&currency=CNY');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('老林家山核桃');
    expect(html).toContain('手剥山核桃 椒盐味');
    expect(html).toMatch(/¥\s?58/);
    const photo = html.match(/\/media\/[^"' ,]+\.webp/)?.[0];
    expect(photo).toBeDefined();
    const image = await app.request(photo!);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
  });

  it('mounts the admin at /admin', async () => {
    const res = await app.request('/admin');
    expect([200, 302, 303]).toContain(res.status);
    if (res.status !== 200) expect(res.headers.get('location')).toMatch(/^\/admin/);
  });

  it('answers an unknown path with the storefront 404 page', async () => {
    const res = await app.request('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers /healthz with 503 when the database is gone', async () => {
    await close();
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'error', database: 'unavailable' });
  });
});
