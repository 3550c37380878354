import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './support/http.js';
import { makeWorld, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

async function titles(path: string): Promise<string[]> {
  const page = await get(w.app, path);
  expect(page.status).toBe(200);
  return page.doc
    .querySelectorAll('main .card h3')
    .map((h) => h.textContent)
    .sort();
}

describe('search', () => {
  it('finds Chinese terms in a shop and across the village', async () => {
    expect(
      await titles(`/s/wang-hickory/search?q=${encodeURIComponent('山核桃')}&lang=zh`),
    ).toEqual(['山核桃礼盒', '手剥山核桃仁', '椒盐山核桃（售罄）'].sort());
    expect(await titles(`/v/bainiu/search?q=${encodeURIComponent('礼盒')}&lang=zh`)).toEqual(
      ['山核桃礼盒', '李记山核桃礼盒'].sort(),
    );
  });

  it('finds Spanish terms, accents included', async () => {
    expect(await titles('/s/taller-rojas/search?q=molcajete&lang=es')).toEqual([
      'Molcajete de piedra volcánica',
    ]);
    expect(
      await titles(`/v/comonfort/search?q=${encodeURIComponent('volcánica')}&lang=es`),
    ).toEqual(['Molcajete de piedra volcánica']);
    expect(await titles('/s/taller-rojas/search?q=tejolote&lang=es')).toEqual(
      ['Molcajete de piedra volcánica', 'Tejolote de repuesto'].sort(),
    );
  });

  it('without a query it lists everything through the filters', async () => {
    expect(await titles('/s/wang-hickory/search?lang=en')).toHaveLength(3);
  });

  it('filters: in stock, ready to ship vs made to order', async () => {
    expect(await titles('/s/wang-hickory/search?stock=1&lang=en')).toEqual([
      'Hand-shelled hickory kernels',
      'Hickory gift box',
    ]);
    expect(await titles('/s/wang-hickory/search?kind=made&lang=en')).toEqual(['Hickory gift box']);
    expect(await titles('/s/wang-hickory/search?kind=ready&stock=1&lang=en')).toEqual([
      'Hand-shelled hickory kernels',
    ]);
    expect(
      await titles(`/v/bainiu/search?q=${encodeURIComponent('山核桃')}&kind=made&lang=zh`),
    ).toEqual(['山核桃礼盒']);
  });

  it('filters by a price range in the buyer’s currency', async () => {
    // CNY: kernels 88 / 168, sold-out 98, gift box 298.
    expect(await titles('/s/wang-hickory/search?min=100&max=200&currency=CNY&lang=en')).toEqual([
      'Hand-shelled hickory kernels',
    ]);
    expect(await titles('/s/wang-hickory/search?min=250&currency=CNY&lang=en')).toEqual([
      'Hickory gift box',
    ]);
    // The same range typed in USD means other products: the 500 g bag is a fixed 25.00 USD.
    expect(await titles('/s/wang-hickory/search?min=24&max=26&currency=USD&lang=en')).toEqual([
      'Hand-shelled hickory kernels',
    ]);
    // JPY has no decimals: "1500.5" is not a JPY amount and is ignored (and the page says so).
    const page = await get(w.app, '/s/wang-hickory/search?min=1500.5&currency=JPY&lang=en');
    expect(page.doc.querySelector('.notice')?.textContent).toBe(
      'A filter value was not understood and was ignored.',
    );
  });

  it('the filter form keeps what was asked and works without JavaScript (GET)', async () => {
    const page = await get(
      w.app,
      '/s/wang-hickory/search?q=nut&kind=made&stock=1&min=10&currency=USD&lang=en',
    );
    const form = page.doc.querySelector('main form[role="search"]')!;
    expect(form.getAttribute('method')).toBe('get');
    expect(form.querySelector('#kind-made')?.getAttribute('checked')).toBe('');
    expect(form.querySelector('#stock')?.getAttribute('checked')).toBe('');
    expect(form.querySelector('#min')?.getAttribute('value')).toBe('10.00');
    expect(form.querySelector('label[for="min"]')?.textContent).toBe('Lowest price (USD)');
  });

  it('pages through results with an opaque cursor, keeping the filters', async () => {
    const { createProduct } = await import('@aldea/core');
    for (let i = 0; i < 30; i++) {
      await createProduct(w.comonfort.rojas, {
        slug: `molcajete-mini-${i}`,
        status: 'active',
        texts: { 'es-MX': { title: `Molcajete miniatura ${i}` } },
        variants: [{ sku: `MINI-${i}`, price: '150', stockOnHand: 1, weightGrams: 400 }],
      });
    }
    const first = await get(w.app, '/s/taller-rojas/search?q=molcajete&stock=1&lang=es');
    expect(first.doc.querySelectorAll('main .card')).toHaveLength(24);
    const next = first.doc.querySelector('a[rel="next"]')!.getAttribute('href')!;
    expect(next).toMatch(
      /^\/s\/taller-rojas\/search\?lang=es-MX&q=molcajete&stock=1&cursor=[\w-]+$/,
    );
    const second = await get(w.app, next);
    const seen = [
      ...first.doc.querySelectorAll('main .card h3'),
      ...second.doc.querySelectorAll('main .card h3'),
    ].map((h) => h.textContent);
    expect(new Set(seen).size).toBe(31);
    expect(second.doc.querySelector('a[rel="next"]')).toBeNull();
  });
});
