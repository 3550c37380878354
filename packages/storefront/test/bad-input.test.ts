import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, jsonLd, textOf } from './support/http.js';
import { makeWorld, type World, XSS } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

/** No element carries an event-handler attribute, and the only scripts are JSON-LD blocks. */
function assertNoInjectedMarkup(doc: HTMLElement, html: string) {
  for (const el of doc.querySelectorAll('*')) {
    for (const name of Object.keys(el.attributes))
      expect(name.toLowerCase().startsWith('on')).toBe(false);
  }
  for (const s of doc.querySelectorAll('script'))
    expect(s.getAttribute('type')).toBe('application/ld+json');
  expect(doc.querySelectorAll('svg, iframe, object, embed')).toHaveLength(0);
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img src=x/i);
}

describe('unknown things are 404 pages', () => {
  it.each([
    '/v/nowhere',
    '/v/UPPER',
    '/s/nope',
    '/s/wang-hickory/p/nope',
    '/s/wang-hickory/c/nope',
    '/s/wang-hickory/nope',
    '/nope',
    `/s/wang-hickory/p/${'a'.repeat(250)}`,
    '/s/shop_01jd3k8w2x9m4q7rtv5bz6c8ha',
    '/v/nowhere/sitemap.xml',
    '/s/nope/sitemap.xml',
  ])('%s', async (path) => {
    const page = await get(w.app, path, { acceptLanguage: 'es' });
    expect(page.status).toBe(404);
    expect(page.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(textOf(page.doc, 'h1')).toBe('No encontramos la página');
    expect(page.res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('absurd input is a 400 page or ignored', () => {
  it.each([
    '/s/wang-hickory?cursor=AAAA',
    '/s/wang-hickory?cursor=%FF%FE',
    `/s/wang-hickory?cursor=${'x'.repeat(400)}`,
    '/s/wang-hickory/search?q=nuts&cursor=eyJ4IjoxfQ',
    '/s/wang-hickory/c/gifts?cursor=-1',
    '/v/bainiu/search?q=nuts&cursor=notacursor',
  ])('a made-up cursor: %s', async (path) => {
    const page = await get(w.app, path, { acceptLanguage: 'en' });
    expect(page.status).toBe(400);
    expect(textOf(page.doc, 'h1')).toBe('This request could not be understood');
  });

  it('a huge query string is refused before any route reads it', async () => {
    const page = await get(w.app, `/s/wang-hickory/search?q=${'%E5%B1%B1'.repeat(2000)}`, {
      acceptLanguage: 'en',
    });
    expect(page.status).toBe(400);
    expect(w.logs.some((l) => l.level === 'error')).toBe(false);
  });

  it('a long search text is cut, not refused', async () => {
    const page = await get(w.app, `/s/wang-hickory/search?q=${'nuez'.repeat(60)}`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('input#q')?.getAttribute('value')).toHaveLength(100);
  });

  it('filters that are not understood are ignored, and the page says so', async () => {
    const page = await get(w.app, '/s/wang-hickory/search?min=abc&max=1e999&kind=weird&lang=en');
    expect(page.status).toBe(200);
    expect(textOf(page.doc, '.notice')).toBe('A filter value was not understood and was ignored.');
  });

  it('a huge Accept-Language header does not hurt', async () => {
    const page = await get(w.app, '/', { acceptLanguage: `${'xx-XX;q=0.1,'.repeat(2000)}es` });
    expect(page.status).toBe(200);
  });
});

describe('nothing anyone typed becomes markup', () => {
  it('XSS in the query string is printed as text', async () => {
    const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    for (const path of [
      `/s/wang-hickory/search?q=${encodeURIComponent(payload)}`,
      `/v/bainiu/search?q=${encodeURIComponent(payload)}&min=${encodeURIComponent(payload)}`,
      `/s/wang-hickory?lang=${encodeURIComponent(payload)}&currency=${encodeURIComponent(payload)}`,
      `/s/${encodeURIComponent(payload)}`,
      `/s/wang-hickory/p/hickory-kernels?added=${encodeURIComponent(payload)}&error=${encodeURIComponent(payload)}&left=${encodeURIComponent(payload)}`,
    ]) {
      const page = await get(w.app, path);
      expect(page.status).toBeLessThan(500);
      assertNoInjectedMarkup(page.doc, page.html);
    }
    const search = await get(w.app, `/s/wang-hickory/search?q=${encodeURIComponent(payload)}`);
    expect(search.doc.querySelector('input#q')?.getAttribute('value')).toBe(payload);
  });

  it('a seller’s titles, descriptions, alt texts and shop name come out as text everywhere', async () => {
    for (const path of [
      '/s/xss-shop',
      '/s/xss-shop/p/xss-product',
      '/s/xss-shop/search?q=Nuez',
      '/v/comonfort',
      '/v/comonfort/search?q=Nuez',
    ]) {
      const page = await get(w.app, `${path}${path.includes('?') ? '&' : '?'}lang=en`);
      expect(page.status).toBe(200);
      assertNoInjectedMarkup(page.doc, page.html);
    }
    const product = await get(w.app, '/s/xss-shop/p/xss-product?lang=en');
    expect(textOf(product.doc, 'h1')).toBe(XSS.title);
    expect(product.doc.querySelector('title')?.textContent).toBe(`${XSS.title} · ${XSS.shopName}`);
    expect(product.doc.querySelector('.gallery picture img')?.getAttribute('alt')).toBe(XSS.alt);
    expect(product.html).toContain(
      XSS.description.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    );
    // JSON-LD keeps the text exactly, escaped so it cannot close the script element.
    const [ld] = jsonLd(product.doc) as { name: string; description: string }[];
    expect(ld).toMatchObject({ name: XSS.title, description: XSS.description });
    const block = product.html.slice(product.html.indexOf('application/ld+json'));
    expect(block.slice(0, block.indexOf('</script>'))).not.toContain('<');
  });
});

describe('media paths', () => {
  it.each([
    '/media/../../etc/passwd',
    '/media/%2e%2e/%2e%2e/etc/passwd',
    '/media/nope.webp',
    '/media/a/b.exe',
    '/media/',
    `/media/${'a/'.repeat(300)}x.webp`,
  ])('%s is a 404', async (path) => {
    const res = await w.app.request(path);
    expect(res.status).toBe(404);
  });
});
