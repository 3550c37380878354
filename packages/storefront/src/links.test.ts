import { describe, expect, it } from 'vitest';
import { makeLinks } from './links.js';

const prefs = (over = {}) => ({
  locale: 'es-MX' as const,
  localeSource: 'query' as const,
  currency: 'EUR',
  currencySource: 'cookie' as const,
  ...over,
});

describe('makeLinks', () => {
  const url = new URL(
    'http://localhost/s/taller/search?q=molcajete&cursor=abc&evil=%3Cx%3E&lang=es',
  );

  it('carries explicit choices into every link, in path mode', () => {
    const links = makeLinks({
      mode: 'path',
      prefs: prefs(),
      url,
      origin: 'https://aldea.example',
      platformOrigin: undefined,
      shopSlug: 'taller',
    });
    expect(links.carried).toEqual({ lang: 'es-MX', currency: 'EUR' });
    expect(links.shop('/p/x')).toBe('/s/taller/p/x?lang=es-MX&currency=EUR');
    expect(links.shop()).toBe('/s/taller?lang=es-MX&currency=EUR');
    expect(links.platform('/v/comonfort')).toBe('/v/comonfort?lang=es-MX&currency=EUR');
    expect(links.shopOf('otra', '/p/y', { cursor: 'c1' })).toBe(
      '/s/otra/p/y?lang=es-MX&currency=EUR&cursor=c1',
    );
  });

  it('leaves guessed choices out of links', () => {
    const links = makeLinks({
      mode: 'path',
      prefs: prefs({ localeSource: 'header', currency: undefined, currencySource: 'default' }),
      url,
      origin: 'http://localhost',
      platformOrigin: undefined,
      shopSlug: 'taller',
    });
    expect(links.carried).toEqual({});
    expect(links.shop('/cart')).toBe('/s/taller/cart');
  });

  it('addresses the shop at / on its own host, and the platform only when its origin is known', () => {
    const host = makeLinks({
      mode: 'host',
      prefs: prefs({ currency: undefined }),
      url,
      origin: 'https://molcajetes.example',
      platformOrigin: undefined,
    });
    expect(host.shop()).toBe('/?lang=es-MX');
    expect(host.shop('/p/x')).toBe('/p/x?lang=es-MX');
    expect(host.platform('/')).toBeUndefined();
    const withPlatform = makeLinks({
      mode: 'host',
      prefs: prefs({ currency: undefined }),
      url,
      origin: 'https://molcajetes.example',
      platformOrigin: 'https://aldea.example',
    });
    expect(withPlatform.platform('/v/comonfort')).toBe(
      'https://aldea.example/v/comonfort?lang=es-MX',
    );
  });

  it('switchers keep the page’s known parameters and drop unknown ones', () => {
    const links = makeLinks({
      mode: 'path',
      prefs: prefs(),
      url,
      origin: 'http://localhost',
      platformOrigin: undefined,
      shopSlug: 'taller',
    });
    expect(links.switchTo({ currency: 'JPY' })).toBe(
      '/s/taller/search?q=molcajete&cursor=abc&lang=es-MX&currency=JPY',
    );
    expect(links.switchTo({ lang: 'en' })).toBe(
      '/s/taller/search?q=molcajete&cursor=abc&lang=en&currency=EUR',
    );
  });

  it('canonical URLs are absolute, per locale, without cursor or currency', () => {
    const links = makeLinks({
      mode: 'path',
      prefs: prefs(),
      url,
      origin: 'https://aldea.example',
      platformOrigin: undefined,
      shopSlug: 'taller',
    });
    expect(links.canonical('zh-CN')).toBe(
      'https://aldea.example/s/taller/search?q=molcajete&lang=zh-CN',
    );
    expect(links.canonical()).toBe('https://aldea.example/s/taller/search?q=molcajete');
    expect(links.absolute('/media/a.webp')).toBe('https://aldea.example/media/a.webp');
    expect(links.absolute('https://cdn.example/x')).toBe('https://cdn.example/x');
  });

  it('drops over-long page parameters', () => {
    const long = new URL(`http://localhost/s/taller/search?q=${'x'.repeat(500)}`);
    const links = makeLinks({
      mode: 'path',
      prefs: prefs(),
      url: long,
      origin: 'http://localhost',
      platformOrigin: undefined,
      shopSlug: 'taller',
    });
    expect(links.switchTo({ lang: 'en' })).toBe('/s/taller/search?lang=en&currency=EUR');
  });
});
