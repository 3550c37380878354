import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import {
  type Clock,
  setManualRate,
  setShopStatus,
  setVariantPrice,
  shopContext,
  updateProduct,
} from '@aldea/core';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStorefront, storefrontFrontDoor } from '../src/index.js';
import { get, postForm } from './support/http.js';
import { fixedClock, makeWorld, NOW, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const cacheOf = (res: Response) => res.headers.get('x-aldea-cache');
const KERNELS = '/s/wang-hickory/p/hickory-kernels?lang=en&currency=USD';

describe('a catalogue page seen twice', () => {
  it('is rendered once, then served from the page cache with the same bytes and ETag', async () => {
    const path = '/s/wang-hickory/c/gifts?lang=en';
    const first = await get(w.app, '/s/wang-hickory?lang=en&currency=EUR');
    const second = await get(w.app, '/s/wang-hickory?lang=en&currency=EUR');
    expect(cacheOf(first.res)).toBe('miss');
    expect(cacheOf(second.res)).toBe('hit');
    expect(second.html).toBe(first.html);
    expect(second.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
    expect(second.res.headers.get('cache-control')).toBe('private, no-cache');
    expect(second.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(second.res.headers.get('x-request-id')).not.toBe(first.res.headers.get('x-request-id'));
    // Every kind of cached page.
    for (const p of ['/?lang=en', '/v/bainiu?lang=en', KERNELS, path]) {
      const a = await get(w.app, p);
      const b = await get(w.app, p);
      expect([p, a.status, cacheOf(b.res)]).toEqual([p, a.status, a.status === 200 ? 'hit' : null]);
    }
  });

  it('a matching If-None-Match is a 304 from the cache, with the request id and cookies', async () => {
    const path = '/s/wang-hickory?lang=zh&currency=JPY';
    const { res } = await get(w.app, path);
    const again = await get(w.app, path, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect(cacheOf(again.res)).toBe('hit');
    expect(again.html).toBe('');
    expect(again.res.headers.get('x-request-id')).toBeTruthy();
    expect(again.cookies.aldea_currency).toBe('JPY');
  });

  it('gzipped once for clients that accept it, the same page inside', async () => {
    const path = '/s/wang-hickory/p/hickory-kernels?lang=en';
    const plain = await get(w.app, path);
    const zipped = await w.app.request(`http://localhost${path}`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('etag')).toBe(`W/${plain.res.headers.get('etag')}`);
    const html = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString();
    expect(html).toBe(plain.html);
    const refused = await w.app.request(`http://localhost${path}`, {
      headers: { 'accept-encoding': 'gzip;q=0' },
    });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });
});

describe('the fast lane (a stored page, before any other middleware)', () => {
  const fastLines = (id: string | null) =>
    w.logs.filter((l) => l.requestId === id && l.event === 'request' && l.cache === 'fast');

  it('answers a repeat view with exactly the headers of the full response, and logs it', async () => {
    const path = '/s/wang-hickory/c/gifts?lang=es-MX&currency=MXN';
    const full = await get(w.app, path);
    const fast = await get(w.app, path, { headers: { 'x-request-id': 'edge-42' } });
    expect(fastLines(full.res.headers.get('x-request-id'))).toHaveLength(0);
    expect(fastLines('edge-42')).toHaveLength(1);
    expect(fast.res.headers.get('x-request-id')).toBe('edge-42');
    const perRequest = new Set(['x-request-id', 'x-aldea-cache', 'content-length']);
    const headersOf = (res: Response) =>
      [...res.headers].filter(([name]) => !perRequest.has(name)).sort();
    expect(headersOf(fast.res)).toEqual(headersOf(full.res));
    expect(fast.res.headers.getSetCookie()).toEqual(full.res.headers.getSetCookie());
    expect(fast.html).toBe(full.html);
  });

  it('answers HEAD without a body, and a malformed request id gets a new one', async () => {
    const path = '/s/wang-hickory/p/gift-box?lang=en';
    await get(w.app, path);
    const head = await w.app.request(`http://localhost${path}`, {
      method: 'HEAD',
      headers: { 'x-request-id': '<script>' },
    });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(fastLines(head.headers.get('x-request-id'))).toHaveLength(1);
  });

  it('leaves a buyer with a cart to the full app, which puts their count in', async () => {
    const variantId = w.bainiu.kernels.variants[1]!.id;
    const added = await postForm(w.app, '/s/wang-hickory/cart/add', { variantId, quantity: '1' });
    const path = '/s/wang-hickory/p/gift-box?lang=en';
    await get(w.app, path);
    const buyer = await get(w.app, path, { cookie: `aldea_cart=${added.cookies.aldea_cart}` });
    expect(fastLines(buyer.res.headers.get('x-request-id'))).toHaveLength(0);
    expect(cacheOf(buyer.res)).toBe('hit');
    expect(buyer.html).toContain('Cart (1)');
  });
});

describe('the front door (the storefront’s own fetch, before Hono routes anything)', () => {
  const request = (path: string, headers: Record<string, string> = {}) =>
    new Request(`http://localhost${path}`, { headers });

  it('answers a stored page in the same turn while its version is known, and never a stale one', async () => {
    const path = '/s/taller-rojas/p/molcajete-piedra-volcanica?lang=es-MX&currency=MXN';
    const full = await get(w.app, path);
    await get(w.app, path); // the lane keeps the full response's headers, and reads the version
    const now = w.app.fetch(request(path, { 'x-request-id': 'door-1' }));
    expect(now).toBeInstanceOf(Response); // not a promise: nothing was awaited
    const answered = now as Response;
    expect(cacheOf(answered)).toBe('hit');
    expect(await answered.text()).toBe(full.html);
    expect(answered.headers.get('x-request-id')).toBe('door-1');
    expect(w.logs.filter((l) => l.requestId === 'door-1' && l.cache === 'fast')).toHaveLength(1);

    // A commit: the version is no longer known, so the request goes to the app, which re-renders.
    await updateProduct(w.comonfort.rojas, w.comonfort.molcajete.id, {
      texts: { 'es-MX': { title: 'Molcajete de basalto, labrado a mano' } },
    });
    const later = w.app.fetch(request(path));
    expect(later).toBeInstanceOf(Promise);
    const after = await later;
    expect(cacheOf(after)).toBe('miss');
    expect(await after.text()).toContain('Molcajete de basalto, labrado a mano');
  });

  it('answers 304 and gzip as the lane does, with the same validators', async () => {
    const path = '/s/wang-hickory/c/gifts?lang=zh&currency=CNY';
    const gz = { 'accept-encoding': 'gzip' };
    const first = await w.app.request(`http://localhost${path}`, { headers: gz });
    await w.app.request(`http://localhost${path}`, { headers: gz });
    const zipped = w.app.fetch(request(path, gz)) as Response;
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(
      gunzipSync(Buffer.from(await first.arrayBuffer())).toString(),
    );
    const etag = zipped.headers.get('etag')!;
    const notModified = w.app.fetch(request(path, { ...gz, 'if-none-match': etag })) as Response;
    expect([notModified.status, notModified.headers.get('etag')]).toEqual([304, etag]);
    expect(notModified.headers.get('content-encoding')).toBeNull();
    const plain = w.app.fetch(request(path, { 'if-none-match': etag })) as Response;
    expect(plain.status).toBe(304); // the weak comparison GET asks for
    expect(plain.headers.get('etag')).toBe(etag.slice(2));
  });

  it('leaves POSTs and buyers with a cart to the app', async () => {
    const path = '/s/wang-hickory/p/gift-box?lang=zh';
    await get(w.app, path);
    await get(w.app, path);
    expect(w.app.fetch(request(path))).toBeInstanceOf(Response);
    expect(w.app.fetch(request(path, { cookie: 'aldea_cart=someone' }))).toBeInstanceOf(Promise);
    const post = w.app.fetch(new Request(`http://localhost${path}`, { method: 'POST' }));
    expect(post).toBeInstanceOf(Promise);
    expect((await post).status).toBe(404);
  });

  it('over real HTTP (the Node adapter writes it out), the same bytes and headers as the full response', async () => {
    const server = serve({ fetch: w.app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const path = '/s/taller-rojas?lang=en&currency=USD';
      const headers = { 'accept-language': 'en', cookie: 'aldea_lang=en; aldea_currency=USD' };
      const views = [];
      for (const id of ['wire-1', 'wire-2', 'wire-3']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          headers: { ...headers, 'x-request-id': id },
        });
        views.push({ res, html: await res.text() });
      }
      const [full, , door] = views;
      expect(w.logs.filter((l) => l.requestId === 'wire-3' && l.cache === 'fast')).toHaveLength(1);
      expect(door!.html).toBe(full!.html);
      const perRequest = new Set(['x-request-id', 'x-aldea-cache', 'date', 'keep-alive']);
      const headersOf = (res: Response) =>
        [...res.headers].filter(([name]) => !perRequest.has(name)).sort();
      expect(headersOf(door!.res)).toEqual(headersOf(full!.res));
      expect(door!.res.headers.get('x-request-id')).toBe('wire-3');
    } finally {
      server.close();
    }
  });

  it('mounted in another app, the lane middleware answers; storefrontFrontDoor puts the door in front', async () => {
    const outer = new Hono().get('/ping', (c) => c.text('pong'));
    outer.route('/', w.app);
    const path = '/s/wang-hickory?lang=zh&currency=EUR';
    await outer.request(path);
    const again = await outer.request(path, { headers: { 'x-request-id': 'mounted-1' } });
    expect(cacheOf(again)).toBe('hit');
    expect(w.logs.filter((l) => l.requestId === 'mounted-1' && l.cache === 'fast')).toHaveLength(1);
    expect(outer.fetch(request(path))).toBeInstanceOf(Promise);

    // storefrontFrontDoor puts it in front of the outer app, for the storefront's pages only.
    storefrontFrontDoor(outer, w.app);
    const door = outer.fetch(request(path, { 'x-request-id': 'mounted-2' }));
    expect(door).toBeInstanceOf(Response);
    expect(cacheOf(door as Response)).toBe('hit');
    expect(await (await outer.request('/ping')).text()).toBe('pong');
  });
});

describe('what shapes a page is in its key', () => {
  it('language, currency, their cookies and Accept-Language each get their own page', async () => {
    const path = '/s/wang-hickory/p/hickory-kernels';
    const pages = [
      await get(w.app, `${path}?currency=EUR`),
      await get(w.app, `${path}?currency=JPY`),
      await get(w.app, path, { cookie: 'aldea_currency=JPY' }),
      await get(w.app, path, { acceptLanguage: 'es-MX' }),
      await get(w.app, path, { acceptLanguage: 'zh-CN' }),
      await get(w.app, path, { cookie: 'aldea_lang=es-MX' }),
    ];
    const prices = pages.map((p) => p.doc.querySelector('.price')?.text.trim());
    expect(prices[0]).toContain('€');
    expect(prices[1]).toContain('¥');
    expect(prices[2]).toBe(prices[1]);
    expect(pages[3]!.doc.querySelector('html')!.getAttribute('lang')).toBe('es-MX');
    expect(pages[4]!.doc.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(pages[5]!.doc.querySelector('html')!.getAttribute('lang')).toBe('es-MX');
    // The cookie's language is carried in links; the header's is not.
    const carries = (p: (typeof pages)[number]) =>
      p.doc.querySelector('.brand')!.getAttribute('href')!.includes('lang=');
    expect(carries(pages[5]!)).toBe(true);
    expect(carries(pages[3]!)).toBe(false);
  });

  it('?lang= and ?currency= still set their cookies when the page comes from the cache', async () => {
    const path = '/s/wang-hickory?lang=es-MX&currency=GBP';
    await get(w.app, path);
    const hit = await get(w.app, path);
    expect(cacheOf(hit.res)).toBe('hit');
    expect(hit.cookies).toMatchObject({ aldea_lang: 'es-MX', aldea_currency: 'GBP' });
  });
});

describe('a buyer with a cart', () => {
  it('sees their own count on a cached page; the next buyer sees none', async () => {
    const variantId = w.bainiu.kernels.variants[0]!.id;
    const added = await postForm(w.app, '/s/wang-hickory/cart/add', { variantId, quantity: '3' });
    const cookie = `aldea_cart=${added.cookies.aldea_cart}`;
    const path = '/s/wang-hickory?lang=en&currency=USD';
    const anyone = await get(w.app, path);
    const buyer = await get(w.app, path, { cookie });
    const zipped = await w.app.request(`http://localhost${path}`, {
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    const next = await get(w.app, path);
    const label = (p: typeof anyone) =>
      p.doc.querySelector('a[href^="/s/wang-hickory/cart"]')!.text;
    expect(label(anyone)).toBe('Cart');
    expect(label(buyer)).toBe('Cart (3)');
    expect(cacheOf(buyer.res)).toBe('hit');
    expect(label(next)).toBe('Cart');
    expect(buyer.res.headers.get('etag')).not.toBe(anyone.res.headers.get('etag'));
    // Compressed for them on the way out, not from the shared copy.
    const html = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString();
    expect(html).toContain('Cart (3)');
    expect(buyer.html.replace('Cart (3)', 'Cart')).toBe(anyone.html);
  });

  it('a page that is not kept (the “added” notice) also shows the count, never the placeholder', async () => {
    const variantId = w.bainiu.kernels.variants[0]!.id;
    const added = await postForm(w.app, '/s/wang-hickory/cart/add', { variantId, quantity: '2' });
    const cookie = `aldea_cart=${added.cookies.aldea_cart}`;
    const page = await get(w.app, `${KERNELS}&added=1`, { cookie });
    expect(page.res.headers.get('cache-control')).toBe('private, no-store');
    expect(cacheOf(page.res)).toBeNull();
    expect(page.html).toContain('Cart (2)');
    expect(page.html).not.toContain('aldea-cart-');
    const empty = await get(w.app, `${KERNELS}&added=1`);
    expect(empty.html).not.toContain('aldea-cart-');
  });
});

describe('a change buyers should see', () => {
  it('a seller’s edit is on the very next view, through any process writing the database', async () => {
    const path = '/s/taller-rojas/p/molcajete-piedra-volcanica?lang=en';
    const rojas = w.comonfort.rojas;
    const before = await get(w.app, path);
    await updateProduct(rojas, w.comonfort.molcajete.id, {
      texts: { en: { title: 'Basalt molcajete, ground by hand' } },
    });
    const after = await get(w.app, path);
    expect(cacheOf(after.res)).toBe('miss');
    expect(after.doc.querySelector('h1')!.text).toBe('Basalt molcajete, ground by hand');
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
    // A raw write (another process, the CLI) counts as much as core's commands.
    await w.db.transaction((tx) =>
      tx.run(sql`update product_texts set title = 'Molcajete de piedra'
        where shop_id = ${rojas.shop.id} and product_id = ${w.comonfort.molcajete.id} and locale = 'en'`),
    );
    expect((await get(w.app, path)).doc.querySelector('h1')!.text).toBe('Molcajete de piedra');
  });

  it('a new price, and a new platform rate, change the price shown', async () => {
    const wang = w.bainiu.wang;
    const variant = w.bainiu.kernels.variants[0]!;
    const price = async () => (await get(w.app, KERNELS)).doc.querySelector('.price')!.text.trim();
    const first = await price();
    await setVariantPrice(wang, variant.id, { price: '120' });
    const repriced = await price();
    expect(repriced).not.toBe(first);
    await setManualRate(w.platform, { base: 'CNY', quote: 'USD', rate: '0.2' });
    const reconverted = await price();
    expect(reconverted).not.toBe(repriced);
  });

  it('stock: “only N left” and “sold out” show at once; a sale from a large stock changes nothing', async () => {
    const wang = w.bainiu.wang;
    const variant = w.bainiu.kernels.variants[0]!;
    const moveStock = (to: number) =>
      w.db.transaction((tx) =>
        tx.run(sql`update variants set stock_on_hand = ${to}
          where shop_id = ${wang.shop.id} and id = ${variant.id}`),
      );
    const path = `${KERNELS}&variant=${variant.id}`;
    await moveStock(30);
    await get(w.app, path);
    await moveStock(29);
    expect(cacheOf((await get(w.app, path)).res)).toBe('hit');
    await moveStock(2);
    const few = await get(w.app, path);
    expect(cacheOf(few.res)).toBe('miss');
    expect(few.html).toContain('Only 2 left');
    await moveStock(40);
  });

  it('another shop’s edit leaves this shop’s pages where they are', async () => {
    const path = '/s/wang-hickory/p/hickory-kernels?lang=en&currency=GBP';
    await get(w.app, path);
    await updateProduct(w.comonfort.rojas, w.comonfort.tejolote.id, {
      texts: { en: { title: 'Tejolote (pestle)' } },
    });
    expect(cacheOf((await get(w.app, path)).res)).toBe('hit');
  });

  it('a paused shop is a 404 at once, even with its pages kept', async () => {
    const li = w.bainiu.li;
    const path = `/s/${li.shop.slug}?lang=en`;
    expect((await get(w.app, path)).status).toBe(200);
    await setShopStatus(li, { status: 'paused' });
    expect((await get(w.app, path)).status).toBe(404);
    await setShopStatus(await shopContext(w.platform, li.shop.id), { status: 'live' });
    expect((await get(w.app, path)).status).toBe(200);
  });
});

describe('the cache itself', () => {
  it('concurrent views of a page nobody has seen wait for one render', async () => {
    const path = '/s/taller-rojas?lang=en&currency=USD';
    const pages = await Promise.all(Array.from({ length: 8 }, () => get(w.app, path)));
    const states = pages.map((p) => cacheOf(p.res));
    expect(states.filter((s) => s === 'miss')).toHaveLength(1);
    expect(new Set(pages.map((p) => p.html)).size).toBe(1);
  });

  it('re-renders a page after a minute even when nothing changed (relative times, FX staleness)', async () => {
    let now = NOW.getTime();
    const clock: Clock = { now: () => new Date(now) };
    const app = createStorefront({ db: w.db, storage: w.storage, clock, logger: fixedLogger });
    const path = '/s/wang-hickory?lang=en';
    expect(cacheOf((await get(app, path)).res)).toBe('miss');
    now += 59_000;
    expect(cacheOf((await get(app, path)).res)).toBe('hit');
    now += 2_000;
    expect(cacheOf((await get(app, path)).res)).toBe('miss');
  });

  it('is off with pageCacheBytes: 0 (plain ETags still work); a bad size is refused', async () => {
    const app = createStorefront({
      db: w.db,
      storage: w.storage,
      clock: fixedClock,
      logger: fixedLogger,
      pageCacheBytes: 0,
    });
    const page = await get(app, KERNELS);
    expect(cacheOf(page.res)).toBeNull();
    const again = await get(app, KERNELS, {
      headers: { 'if-none-match': page.res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(() => createStorefront({ db: w.db, storage: w.storage, pageCacheBytes: bad })).toThrow(
        /pageCacheBytes/,
      );
    }
  });
});

const fixedLogger = { info() {}, error() {} };
