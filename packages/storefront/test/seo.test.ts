import { beforeAll, describe, expect, it } from 'vitest';
import { get, jsonLd } from './support/http.js';
import { makeWorld, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

type Offer = { price: string; priceCurrency: string; availability: string; sku: string };
type ProductLd = {
  '@type': string;
  name: string;
  image: string[];
  offers: Offer[];
  brand: { name: string };
};

describe('search engines', () => {
  it('a product page has schema.org Product JSON-LD with offers in the shown currency', async () => {
    const page = await get(
      w.app,
      '/s/taller-rojas/p/molcajete-piedra-volcanica?lang=en&currency=USD',
    );
    const [ld] = jsonLd(page.doc) as ProductLd[];
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Volcanic stone molcajete',
      brand: { '@type': 'Brand', name: 'Rojas Workshop' },
      countryOfOrigin: 'MX',
    });
    expect(ld!.image[0]).toMatch(/^http:\/\/localhost\/media\/.+\.webp$/);
    expect(ld!.offers.map((o) => [o.sku, o.priceCurrency, o.availability])).toEqual([
      ['MOL-S', 'USD', 'https://schema.org/MadeToOrder'],
      ['MOL-M', 'USD', 'https://schema.org/MadeToOrder'],
      ['MOL-L', 'USD', 'https://schema.org/MadeToOrder'],
    ]);
    // The offer prices are the prices on the page.
    const labels = page.doc.querySelectorAll('fieldset label').map((l) => l.textContent);
    for (const [i, o] of ld!.offers.entries())
      expect(labels[i]).toContain(Number(o.price).toFixed(2));
    const soldOut = await get(w.app, '/s/wang-hickory/p/sold-out-nuts?currency=EUR');
    expect((jsonLd(soldOut.doc) as ProductLd[])[0]!.offers[0]!.availability).toBe(
      'https://schema.org/OutOfStock',
    );
  });

  it('canonical URL and hreflang alternates for every locale, plus x-default', async () => {
    const page = await get(
      w.app,
      '/s/wang-hickory/p/hickory-kernels?lang=zh&currency=JPY&variant=x',
    );
    const canonical = page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical).toBe('http://localhost/s/wang-hickory/p/hickory-kernels?lang=zh-CN');
    const alternates = page.doc
      .querySelectorAll('link[rel="alternate"]')
      .map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]);
    expect(alternates).toEqual([
      ['en', 'http://localhost/s/wang-hickory/p/hickory-kernels?lang=en'],
      ['zh-CN', 'http://localhost/s/wang-hickory/p/hickory-kernels?lang=zh-CN'],
      ['es-MX', 'http://localhost/s/wang-hickory/p/hickory-kernels?lang=es-MX'],
      ['x-default', 'http://localhost/s/wang-hickory/p/hickory-kernels'],
    ]);
  });

  it('OpenGraph tags say what the page is, with an absolute image', async () => {
    const page = await get(w.app, '/s/wang-hickory/p/hickory-kernels?lang=en');
    const og = Object.fromEntries(
      page.doc
        .querySelectorAll('meta[property^="og:"]')
        .map((m) => [m.getAttribute('property'), m.getAttribute('content')]),
    );
    expect(og).toMatchObject({
      'og:title': 'Hand-shelled hickory kernels',
      'og:type': 'product',
      'og:locale': 'en',
      'og:site_name': 'Wang Family Hickory',
      'og:url': 'http://localhost/s/wang-hickory/p/hickory-kernels?lang=en',
    });
    expect(og['og:image']).toMatch(/^http:\/\/localhost\/media\//);
  });

  it('search, cart, error and later listing pages are not indexed', async () => {
    for (const path of [
      '/s/wang-hickory/search?q=x',
      '/s/wang-hickory/cart',
      '/s/nope',
      '/v/bainiu/search',
    ]) {
      const page = await get(w.app, path);
      expect(page.doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe(
        'noindex',
      );
      expect(page.doc.querySelector('link[rel="canonical"]')).toBeNull();
    }
  });

  it('the configured public URL makes absolute URLs, whatever the Host header says', async () => {
    const { createStorefront } = await import('../src/index.js');
    const app = createStorefront({
      db: w.db,
      storage: w.storage,
      publicUrl: 'https://aldea.example/',
      logger: { info() {}, error() {} },
    });
    const page = await get(app, '/s/wang-hickory?lang=en', { host: 'localhost' });
    expect(page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://aldea.example/s/wang-hickory?lang=en',
    );
  });

  it('each shop has a sitemap: home, collections, products, each in every locale with alternates', async () => {
    const { html, res } = await get(w.app, '/s/wang-hickory/sitemap.xml');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const locs = [...html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const path of [
      '/s/wang-hickory',
      '/s/wang-hickory/c/gifts',
      '/s/wang-hickory/p/hickory-kernels',
      '/s/wang-hickory/p/gift-box',
    ]) {
      for (const l of ['en', 'zh-CN', 'es-MX'])
        expect(locs).toContain(`http://localhost${path}?lang=${l}`);
    }
    expect(locs.some((l) => l?.includes('molcajete'))).toBe(false);
    expect(html).toContain(
      '<xhtml:link rel="alternate" hreflang="zh-CN" href="http://localhost/s/wang-hickory/p/hickory-kernels?lang=zh-CN"/>',
    );
  });

  it('each village has a sitemap of its page and its live shops', async () => {
    const { html } = await get(w.app, '/v/comonfort/sitemap.xml');
    expect(html).toContain('<loc>http://localhost/v/comonfort?lang=es-MX</loc>');
    expect(html).toContain('<loc>http://localhost/s/taller-rojas?lang=en</loc>');
    expect(html).not.toContain('taller-cerrado');
  });

  it('robots.txt keeps crawlers out of carts and searches and lists every sitemap', async () => {
    const { html, res } = await get(w.app, '/robots.txt');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(html).toContain('Disallow: /s/*/cart');
    expect(html).toContain('Disallow: /s/*/search');
    expect(html).toContain('Sitemap: http://localhost/v/bainiu/sitemap.xml');
    expect(html).toContain('Sitemap: http://localhost/s/wang-hickory/sitemap.xml');
    expect(html).not.toContain('taller-cerrado');
  });
});
