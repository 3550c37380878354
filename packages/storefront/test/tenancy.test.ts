import { createShop, platformContext } from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, textOf } from './support/http.js';
import { fixedClock, makeWorld, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await createShop(platformContext(w.db, { clock: fixedClock }), {
    villageId: w.comonfort.villageId,
    slug: 'barro-negro',
    baseCurrency: 'MXN',
    defaultLocale: 'es-MX',
    status: 'live',
    customDomain: 'molcajetes.example',
    texts: { 'es-MX': { name: 'Barro Negro' } },
  });
});

describe('tenant resolution', () => {
  it('by path: /s/{shop}/…', async () => {
    const page = await get(w.app, '/s/taller-rojas/p/tejolote?lang=es');
    expect(textOf(page.doc, 'h1')).toBe('Tejolote de repuesto');
  });

  it('by subdomain of the base domain: the shop at /, its links without /s/…', async () => {
    const home = await get(w.app, '/?lang=es', { host: 'taller-rojas.aldea.test' });
    expect(textOf(home.doc, 'h1')).toBe('Taller Rojas');
    const link = home.doc.querySelector('main .card a')!.getAttribute('href')!;
    expect(link).toMatch(/^\/p\/[a-z0-9-]+\?lang=es-MX$/);
    const product = await get(w.app, '/p/tejolote?lang=es', {
      host: 'taller-rojas.aldea.test:8080',
    });
    expect(textOf(product.doc, 'h1')).toBe('Tejolote de repuesto');
    expect(product.doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'http://taller-rojas.aldea.test:8080/p/tejolote?lang=es-MX',
    );
    expect(product.doc.querySelector('form.buy')?.getAttribute('action')).toBe(
      '/cart/add?lang=es-MX',
    );
  });

  it('by custom domain', async () => {
    const home = await get(w.app, '/', { host: 'molcajetes.example' });
    expect(textOf(home.doc, 'h1')).toBe('Barro Negro');
    const robots = await get(w.app, '/robots.txt', { host: 'molcajetes.example' });
    expect(robots.html).toContain('Sitemap: http://molcajetes.example/sitemap.xml');
    const sitemap = await get(w.app, '/sitemap.xml', { host: 'molcajetes.example' });
    expect(sitemap.html).toContain('<loc>http://molcajetes.example/?lang=en</loc>');
  });

  it('the platform’s own host, www, localhost and IPs serve the platform', async () => {
    for (const host of ['aldea.test', 'www.aldea.test', 'localhost:3000', '127.0.0.1:3000']) {
      const page = await get(w.app, '/?lang=en', { host });
      expect(textOf(page.doc, 'h1')).toBe('Shop from artisan villages');
    }
  });

  it('an unknown, paused or malformed shop host is the 404 page in the buyer’s language', async () => {
    for (const host of ['nadie.aldea.test', 'taller-cerrado.aldea.test', 'a.b.aldea.test']) {
      const page = await get(w.app, '/', { host, acceptLanguage: 'es-MX' });
      expect(page.status).toBe(404);
      expect(textOf(page.doc, 'h1')).toBe('No encontramos la página');
    }
    const unknownDomain = await get(w.app, '/?lang=en', { host: 'unknown.example' });
    expect(unknownDomain.status).toBe(200);
    expect(textOf(unknownDomain.doc, 'h1')).toBe('Shop from artisan villages');
  });

  it('an unknown or paused shop by path is a 404 in the buyer’s language', async () => {
    const paused = await get(w.app, '/s/taller-cerrado', { acceptLanguage: 'zh-CN' });
    expect(paused.status).toBe(404);
    expect(textOf(paused.doc, 'h1')).toBe('找不到页面');
    expect(paused.doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe(
      'noindex',
    );
    const unknown = await get(w.app, '/s/no-such-shop/p/anything?lang=en');
    expect(unknown.status).toBe(404);
    expect(textOf(unknown.doc, 'h1')).toBe('Page not found');
  });

  it('one shop’s product is not found under another shop', async () => {
    const page = await get(w.app, '/s/wang-hickory/p/molcajete-piedra-volcanica');
    expect(page.status).toBe(404);
    const col = await get(w.app, '/s/taller-rojas/c/gifts');
    expect(col.status).toBe(404);
    const draft = await get(w.app, '/s/taller-rojas/search?q=hickory&lang=en');
    expect(draft.doc.querySelectorAll('main .card')).toHaveLength(0);
  });
});
