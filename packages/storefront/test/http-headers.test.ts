import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './support/http.js';
import { makeWorld, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const PAGES = [
  '/',
  '/v/bainiu',
  '/s/wang-hickory',
  '/s/wang-hickory/p/hickory-kernels',
  '/s/wang-hickory/search?q=nuts',
];

describe('security headers', () => {
  it('every page has a strict CSP: no inline script or style, nothing from elsewhere', async () => {
    for (const path of PAGES) {
      const { res } = await get(w.app, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // Framing is refused by the CSP's frame-ancestors; the legacy headers are not sent.
      for (const legacy of [
        'x-frame-options',
        'x-xss-protection',
        'x-download-options',
        'x-permitted-cross-domain-policies',
        'x-dns-prefetch-control',
        'origin-agent-cluster',
      ]) {
        expect(res.headers.get(legacy)).toBeNull();
      }
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('pages contain no inline script other than JSON-LD data, and no style attributes', async () => {
    for (const path of PAGES) {
      const { doc } = await get(w.app, path);
      for (const script of doc.querySelectorAll('script')) {
        expect(script.getAttribute('type')).toBe('application/ld+json');
      }
      expect(doc.querySelectorAll('[style]')).toHaveLength(0);
      expect(doc.querySelectorAll('style')).toHaveLength(0);
    }
  });
});

describe('request id', () => {
  it('is on every response — pages, 404s, 304s, assets, media — and in every log line', async () => {
    const page = await get(w.app, '/s/wang-hickory');
    const id = page.res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await get(w.app, '/s/nope');
    expect(missing.res.headers.get('x-request-id')).toBeTruthy();
    expect(missing.html).toContain(missing.res.headers.get('x-request-id'));
    const etag = page.res.headers.get('etag')!;
    const again = await get(w.app, '/s/wang-hickory', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.res.headers.get('x-request-id')).toBeTruthy();
    const css = page.doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
    expect((await get(w.app, css)).res.headers.get('x-request-id')).toBeTruthy();

    const lines = w.logs.filter((l) => l.requestId === id);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.find((l) => l.event === 'request')).toMatchObject({
      status: 200,
      path: '/s/wang-hickory',
    });
    expect(w.logs.every((l) => typeof l.requestId === 'string')).toBe(true);
  });

  it('keeps a well-formed incoming request id, replaces a malformed one', async () => {
    const kept = await get(w.app, '/', { headers: { 'x-request-id': 'edge-1234' } });
    expect(kept.res.headers.get('x-request-id')).toBe('edge-1234');
    const replaced = await get(w.app, '/', { headers: { 'x-request-id': '<script>' } });
    expect(replaced.res.headers.get('x-request-id')).not.toBe('<script>');
  });
});

describe('caching', () => {
  it('catalogue pages: ETag, private revalidation, Vary on language and cookies; a match is a 304', async () => {
    for (const path of PAGES) {
      const { res } = await get(w.app, path);
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('vary')).toContain('Accept-Language');
      const etag = res.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]+"$/);
      const again = await get(w.app, path, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(again.html).toBe('');
    }
  });

  it('the same page in another language or currency has another ETag', async () => {
    const en = await get(w.app, '/s/wang-hickory?lang=en');
    const zh = await get(w.app, '/s/wang-hickory?lang=zh');
    const jpy = await get(w.app, '/s/wang-hickory?lang=en&currency=JPY');
    const tags = [en, zh, jpy].map((p) => p.res.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
  });

  it('the cart is never stored', async () => {
    const { res } = await get(w.app, '/s/wang-hickory/cart');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('the stylesheet and media files are fingerprinted and immutable', async () => {
    const page = await get(w.app, '/s/wang-hickory/p/hickory-kernels');
    const css = page.doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
    expect(css).toMatch(/^\/assets\/app\.[0-9a-f]{12}\.css$/);
    const sheet = await w.app.request(css);
    expect(sheet.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(sheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await w.app.request('/assets/app.000000000000.css')).status).toBe(404);

    const img = page.doc.querySelector('.gallery picture img')!.getAttribute('src')!;
    const media = await w.app.request(img);
    expect(media.status).toBe(200);
    expect(media.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(media.headers.get('content-type')).toBe('image/webp');
    const bytes = new Uint8Array(await media.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(8, 12))).toBe('WEBP');
    const etag = media.headers.get('etag')!;
    const again = await w.app.request(img, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('robots.txt and sitemaps are public for an hour', async () => {
    for (const path of ['/robots.txt', '/s/wang-hickory/sitemap.xml', '/v/bainiu/sitemap.xml']) {
      const { res } = await get(w.app, path);
      expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    }
  });
});

describe('compression', () => {
  it('gzips pages and the stylesheet for clients that accept it, not images', async () => {
    const page = await w.app.request('/s/wang-hickory', { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    const html = await new Response(page.body!.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const plain = await w.app.request('/s/wang-hickory');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});
