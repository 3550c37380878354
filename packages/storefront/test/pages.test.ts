import { beforeAll, describe, expect, it } from 'vitest';
import { get, jsonLd, textOf } from './support/http.js';
import { makeWorld, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const LANGS = [
  ['en', 'en'],
  ['zh', 'zh-CN'],
  ['es', 'es-MX'],
] as const;
const CURRENCIES = ['USD', 'EUR', 'JPY', 'CNY', 'MXN'] as const;

/** Every buyer page of both villages. */
const PAGES = [
  '/',
  '/v/bainiu',
  '/v/comonfort',
  '/v/bainiu/search?q=山核桃',
  '/v/comonfort/search?q=molcajete',
  '/s/wang-hickory',
  '/s/wang-hickory/c/gifts',
  '/s/wang-hickory/p/hickory-kernels',
  '/s/wang-hickory/search?q=山核桃',
  '/s/wang-hickory/cart',
  '/s/taller-rojas',
  '/s/taller-rojas/p/molcajete-piedra-volcanica',
  '/s/taller-rojas/search?q=molcajete',
  '/s/taller-rojas/cart',
];

describe('every page, in every language', () => {
  for (const path of PAGES) {
    for (const [query, locale] of LANGS) {
      it(`${path} in ${locale}`, async () => {
        const sep = path.includes('?') ? '&' : '?';
        const page = await get(w.app, `${path}${sep}lang=${query}`);
        expect(page.status).toBe(200);
        expect(page.html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(page.doc.querySelector('html')?.getAttribute('lang')).toBe(locale);
        expect(page.doc.querySelector('main#main')).not.toBeNull();
        expect(page.doc.querySelectorAll('h1')).toHaveLength(1);
        expect(page.res.headers.get('content-type')).toMatch(/^text\/html; charset=UTF-8/i);
      });
    }
  }

  it('speaks the buyer’s language in the UI strings', async () => {
    const es = await get(w.app, '/s/taller-rojas/p/molcajete-piedra-volcanica?lang=es');
    expect(textOf(es.doc, 'form.buy button')).toBe('Agregar al carrito');
    const zh = await get(w.app, '/s/taller-rojas/p/molcajete-piedra-volcanica?lang=zh');
    expect(textOf(zh.doc, 'form.buy button')).toBe('加入购物车');
    const en = await get(w.app, '/s/taller-rojas/p/molcajete-piedra-volcanica?lang=en');
    expect(textOf(en.doc, 'form.buy button')).toBe('Add to cart');
  });
});

describe('prices in the buyer’s currency', () => {
  for (const currency of CURRENCIES) {
    it(`product pages in ${currency}: JSON-LD offers and the switcher agree`, async () => {
      for (const path of [
        '/s/wang-hickory/p/hickory-kernels',
        '/s/taller-rojas/p/molcajete-piedra-volcanica',
      ]) {
        const page = await get(w.app, `${path}?currency=${currency}`);
        expect(page.status).toBe(200);
        const [product] = jsonLd(page.doc) as {
          offers?: { priceCurrency: string; price: string }[];
        }[];
        const offers = product?.offers ?? [];
        expect(offers.length).toBeGreaterThan(0);
        for (const offer of offers) {
          expect(offer.priceCurrency).toBe(currency);
          expect(Number(offer.price)).toBeGreaterThan(0);
        }
        expect(
          page.doc.querySelector('.switchers a[aria-current="true"][rel="nofollow"]')?.textContent,
        ).toBe(currency);
        expect(textOf(page.doc, '.site-footer')).toContain(currency);
      }
    });

    it(`shop and village listings in ${currency}`, async () => {
      // Intl spells each currency its own way; the symbol or code of the currency must be there.
      const mark = new Intl.NumberFormat('en', { style: 'currency', currency })
        .formatToParts(1)
        .find((p) => p.type === 'currency')?.value;
      for (const path of ['/s/wang-hickory', '/s/taller-rojas', '/v/bainiu', '/v/comonfort']) {
        const page = await get(w.app, `${path}?currency=${currency}&lang=en`);
        const prices = page.doc.querySelectorAll('.card .price').map((p) => p.textContent);
        expect(prices.length).toBeGreaterThan(0);
        if (path.startsWith('/s/')) for (const p of prices) expect(p).toContain(mark);
        // A village shows each shop's prices in the currency if the shop sells in it, else in one it does.
        else expect(prices.some((p) => p.includes(mark ?? '?'))).toBe(true);
      }
    });
  }

  it('a fixed price the seller set wins over conversion', async () => {
    const page = await get(w.app, '/s/wang-hickory/p/hickory-kernels?currency=USD');
    const [product] = jsonLd(page.doc) as { offers: { sku: string; price: string }[] }[];
    expect(product?.offers.find((o) => o.sku === 'WANG-K-500')?.price).toBe('25.00');
  });

  it('converted prices carry an honest note with the rate’s day; base-currency prices do not', async () => {
    const eur = await get(
      w.app,
      '/s/taller-rojas/p/molcajete-piedra-volcanica?currency=EUR&lang=en',
    );
    expect(textOf(eur.doc, 'form.buy')).toMatch(
      /Converted from MXN with the Nov 24, 2026 exchange rate/,
    );
    const mxn = await get(
      w.app,
      '/s/taller-rojas/p/molcajete-piedra-volcanica?currency=MXN&lang=en',
    );
    expect(textOf(mxn.doc, 'form.buy')).not.toMatch(/Converted/);
    const village = await get(w.app, '/v/comonfort?currency=EUR&lang=en');
    expect(textOf(village.doc, 'section[aria-labelledby="products"] .note')).toMatch(
      /^Converted from MXN/,
    );
    const shop = await get(w.app, '/s/wang-hickory?currency=JPY&lang=zh');
    expect(textOf(shop.doc, 'section[aria-labelledby="products"] .note')).toMatch(
      /^按 2026年11月24日 的汇率由 CNY 换算/,
    );
  });

  it('a currency the shop does not offer falls back to one it does', async () => {
    const page = await get(w.app, '/s/taller-rojas?currency=GBP&lang=en');
    expect(page.status).toBe(200);
    expect(
      page.doc.querySelector('.switchers a[aria-current="true"][rel="nofollow"]')?.textContent,
    ).toBe('MXN');
  });
});

describe('page content', () => {
  it('the platform home lists both villages', async () => {
    const page = await get(w.app, '/?lang=en');
    const names = page.doc.querySelectorAll('main .card h3').map((h) => h.textContent);
    expect(names).toEqual(expect.arrayContaining(['Bainiu', 'Comonfort']));
  });

  it('a village page has its story, where it is, its live shops (not the paused one) and products', async () => {
    const page = await get(w.app, '/v/comonfort?lang=es');
    expect(textOf(page.doc, 'h1')).toBe('Comonfort');
    expect(page.html).toContain('piedra volcánica');
    expect(textOf(page.doc, '.lede')).toContain('Guanajuato');
    const shops = page.doc
      .querySelectorAll('section[aria-labelledby="shops"] h3')
      .map((h) => h.textContent);
    expect(shops).toContain('Taller Rojas');
    expect(shops).not.toContain('Taller Cerrado');
    expect(
      page.doc.querySelectorAll('section[aria-labelledby="products"] .card').length,
    ).toBeGreaterThan(0);
  });

  it('Bainiu reads in Chinese', async () => {
    const page = await get(w.app, '/v/bainiu', { acceptLanguage: 'zh-CN,zh;q=0.9' });
    expect(textOf(page.doc, 'h1')).toBe('白牛村');
    expect(page.html).toContain('浙江省杭州市临安区');
    expect(textOf(page.doc, 'section[aria-labelledby="shops"] h2')).toBe('白牛村的店铺');
  });

  it('a product page shows photos, options with prices, made-to-order time, weight, origin, materials and care', async () => {
    const page = await get(
      w.app,
      '/s/taller-rojas/p/molcajete-piedra-volcanica?lang=es&currency=MXN',
    );
    const doc = page.doc;
    expect(doc.querySelectorAll('.gallery picture')).toHaveLength(1);
    expect(doc.querySelector('fieldset legend')?.textContent).toBe('Tamaño');
    const labels = doc.querySelectorAll('fieldset label').map((l) => l.textContent);
    expect(labels).toEqual([
      expect.stringContaining('Chico'),
      expect.stringContaining('Mediano'),
      expect.stringContaining('Grande'),
    ]);
    expect(labels[0]).toContain('450.00');
    const facts = textOf(doc, 'dl.facts');
    expect(facts).toContain('Comonfort, Guanajuato, México');
    expect(facts).toContain('2.5 kg – 6.5 kg');
    expect(facts).toContain('Piedra volcánica (basalto)');
    expect(facts).toContain('Curar con arroz');
    expect(textOf(doc, 'form.buy')).toContain('Hecho por encargo: listo para enviar en 5–14 días');
  });

  it('says when a seller text is shown in another language than asked', async () => {
    const page = await get(w.app, '/s/taller-rojas/p/salsera?lang=zh');
    expect(page.doc.querySelector('h1')?.getAttribute('lang')).toBe('es-MX');
    expect(textOf(page.doc, 'main')).toMatch(/以.*西班牙语显示/);
    const same = await get(w.app, '/s/taller-rojas/p/salsera?lang=es');
    expect(textOf(same.doc, 'main')).not.toContain('Se muestra en');
  });

  it('an out-of-stock variant cannot be chosen; a sold-out product offers no add button', async () => {
    const page = await get(w.app, '/s/wang-hickory/p/sold-out-nuts?lang=en');
    expect(page.doc.querySelector('form.buy button')).toBeNull();
    expect(textOf(page.doc, 'form.buy')).toContain('Out of stock');
  });

  it('a collection page lists its products only', async () => {
    const page = await get(w.app, '/s/wang-hickory/c/gifts?lang=en');
    expect(textOf(page.doc, 'h1')).toBe('Gifts');
    expect(page.doc.querySelectorAll('main .card h3').map((h) => h.textContent)).toEqual([
      'Hickory gift box',
    ]);
  });

  it('shop pages say the shop’s name, tagline, story and policies', async () => {
    const page = await get(w.app, '/s/taller-rojas?lang=es');
    expect(textOf(page.doc, 'h1')).toBe('Taller Rojas');
    expect(textOf(page.doc, '.lede')).toBe('Molcajetes labrados a mano');
    expect(page.html).toContain('Enviamos a todo el mundo.');
    expect(page.doc.querySelector('.site-header .brand')?.textContent).toBe('Taller Rojas');
  });
});
