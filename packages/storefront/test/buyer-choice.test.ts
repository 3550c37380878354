import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './support/http.js';
import { makeWorld, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const current = (doc: Awaited<ReturnType<typeof get>>['doc']) => ({
  lang: doc.querySelector('html')?.getAttribute('lang'),
  currency: doc.querySelector('.switchers a[aria-current="true"][rel="nofollow"]')?.textContent,
});

describe('language and currency', () => {
  it('first guess comes from Accept-Language: language and the region’s currency', async () => {
    const es = await get(w.app, '/s/wang-hickory', { acceptLanguage: 'es-ES,es;q=0.9' });
    expect(current(es.doc)).toEqual({ lang: 'es-MX', currency: 'EUR' });
    const ja = await get(w.app, '/s/wang-hickory', { acceptLanguage: 'ja-JP,en;q=0.5' });
    expect(current(ja.doc)).toEqual({ lang: 'en', currency: 'JPY' });
    const none = await get(w.app, '/s/wang-hickory');
    expect(current(none.doc)).toEqual({ lang: 'en', currency: 'CNY' });
    expect(es.cookies).toEqual({});
  });

  it('?lang= and ?currency= set cookies that later visits follow', async () => {
    const first = await get(w.app, '/s/taller-rojas?lang=zh&currency=EUR', {
      acceptLanguage: 'en-US',
    });
    expect(current(first.doc)).toEqual({ lang: 'zh-CN', currency: 'EUR' });
    expect(first.cookies).toEqual({ aldea_lang: 'zh-CN', aldea_currency: 'EUR' });
    const setCookie = first.res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(
      /aldea_lang=zh-CN; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/,
    );
    const later = await get(w.app, '/s/wang-hickory', {
      acceptLanguage: 'en-US',
      cookie: 'aldea_lang=zh-CN; aldea_currency=EUR',
    });
    expect(current(later.doc)).toEqual({ lang: 'zh-CN', currency: 'EUR' });
    expect(later.cookies).toEqual({});
  });

  it('links carry an explicit choice; guessed choices leave links clean', async () => {
    const chosen = await get(w.app, '/s/wang-hickory?lang=es&currency=JPY');
    const productLink = chosen.doc.querySelector('main .card a')!.getAttribute('href')!;
    expect(productLink).toMatch(/^\/s\/wang-hickory\/p\/[a-z0-9-]+\?lang=es-MX&currency=JPY$/);
    const hidden = chosen.doc
      .querySelectorAll('form[role="search"] input[type="hidden"]')
      .map((i) => [i.getAttribute('name'), i.getAttribute('value')]);
    expect(hidden).toEqual([
      ['lang', 'es-MX'],
      ['currency', 'JPY'],
    ]);
    const guessed = await get(w.app, '/s/wang-hickory', { acceptLanguage: 'es-MX' });
    expect(guessed.doc.querySelector('main .card a')!.getAttribute('href')).toMatch(
      /^\/s\/wang-hickory\/p\/[a-z0-9-]+$/,
    );
  });

  it('switchers are one-tap links to the same page that keep the page’s own parameters', async () => {
    const page = await get(w.app, '/s/wang-hickory/search?q=nuts&kind=ready&lang=en');
    const zh = page.doc.querySelector('.switchers a[hreflang="zh-CN"]')!.getAttribute('href');
    expect(zh).toBe('/s/wang-hickory/search?q=nuts&kind=ready&lang=zh-CN');
    const usd = page.doc
      .querySelectorAll('.switchers a[rel="nofollow"]')
      .find((a) => a.textContent === 'USD')!
      .getAttribute('href');
    expect(usd).toBe('/s/wang-hickory/search?q=nuts&kind=ready&lang=en&currency=USD');
    // Every currency the shop offers, and only those.
    expect(
      page.doc.querySelectorAll('.switchers a[rel="nofollow"]').map((a) => a.textContent),
    ).toEqual(['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'MXN']);
  });

  it('bad language or currency codes are ignored, never an error or a cookie', async () => {
    for (const query of [
      'lang=xx-YY',
      'lang=%3Cscript%3E',
      'currency=XYZ',
      'currency=eurr',
      'currency=%00',
      `lang=${'e'.repeat(300)}`,
    ]) {
      const page = await get(w.app, `/s/wang-hickory?${query}`, { acceptLanguage: 'zh-CN' });
      expect(page.status).toBe(200);
      expect(current(page.doc)).toEqual({ lang: 'zh-CN', currency: 'CNY' });
      expect(page.cookies).toEqual({});
    }
    const badCookie = await get(w.app, '/s/wang-hickory', {
      cookie: 'aldea_lang=klingon; aldea_currency=<b>',
      acceptLanguage: 'es',
    });
    expect(current(badCookie.doc)).toEqual({ lang: 'es-MX', currency: 'EUR' });
  });

  it('a lower-case currency code is understood', async () => {
    const page = await get(w.app, '/s/wang-hickory?currency=usd');
    expect(current(page.doc).currency).toBe('USD');
  });
});
