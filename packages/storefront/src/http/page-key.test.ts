import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { cookiesOf, pageKey } from './page-key.js';

const req = (headers: Record<string, string>, url = 'http://localhost/s/a') => ({
  url,
  header: (name: string) => headers[name],
});

describe('cookiesOf', () => {
  it('reads each cookie as Hono’s getCookie does', async () => {
    const headers = [
      'aldea_lang=es-MX; aldea_currency=EUR',
      'aldea_lang=zh-CN; aldea_lang=en',
      'aldea_currency="JPY"; x=%E2%82%AC',
      'aldea_lang=bad;value; aldea_lang=en',
      ' aldea_currency = MXN ;other',
    ];
    const app = new Hono().get('/', (c) =>
      c.json({ lang: getCookie(c, 'aldea_lang'), currency: getCookie(c, 'aldea_currency') }),
    );
    for (const cookie of headers) {
      const hono = await (await app.request('/', { headers: { cookie } })).json();
      const ours = cookiesOf(req({ cookie }));
      expect({ lang: ours.aldea_lang, currency: ours.aldea_currency }, cookie).toEqual(hono);
    }
  });

  it('parses a header once, and no header as no cookies', () => {
    const cookie = 'aldea_lang=en; aldea_cart=abc';
    expect(cookiesOf(req({ cookie }))).toBe(cookiesOf(req({ cookie })));
    expect(Object.isFrozen(cookiesOf(req({ cookie })))).toBe(true);
    expect(cookiesOf(req({}))).toEqual({});
    const long = `aldea_lang=es-MX; pad=${'x'.repeat(2000)}`;
    expect(cookiesOf(req({ cookie: long })).aldea_lang).toBe('es-MX');
    expect(cookiesOf(req({ cookie: long }))).not.toBe(cookiesOf(req({ cookie: long })));
  });
});

describe('pageKey', () => {
  it('tells apart what a page is made from, and ignores the cart and other cookies', () => {
    const base = { cookie: 'aldea_lang=en; aldea_currency=EUR', 'accept-language': 'en' };
    const key = pageKey(req(base));
    expect(pageKey(req({ ...base, cookie: `${base.cookie}; aldea_cart=1; _ga=2` }))).toBe(key);
    for (const other of [
      req({ ...base, cookie: 'aldea_lang=es-MX; aldea_currency=EUR' }),
      req({ ...base, cookie: 'aldea_lang=en; aldea_currency=JPY' }),
      req({ ...base, 'accept-language': 'zh-CN' }),
      req({ ...base, host: 'wang.example' }),
      req(base, 'http://localhost/s/a?lang=es'),
    ]) {
      expect(pageKey(other)).not.toBe(key);
    }
  });
});
