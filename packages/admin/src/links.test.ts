import { describe, expect, it } from 'vitest';
import { makeLinks, safeNext } from './links.js';

describe('links', () => {
  it('builds every URL under the base path', () => {
    const l = makeLinks('/admin');
    expect(l.to('/')).toBe('/admin');
    expect(l.login('/admin/s/x')).toBe('/admin/login?next=%2Fadmin%2Fs%2Fx');
    expect(l.product('shop_1', 'prod_2', '/photos')).toBe('/admin/s/shop_1/products/prod_2/photos');
    expect(makeLinks('/').to('/login')).toBe('/login');
  });

  it('links to the storefront when it is configured', () => {
    expect(makeLinks('/admin').storefront('molcajetes', 'grande')).toBe('/s/molcajetes/p/grande');
    expect(makeLinks('/admin', 'https://aldea.example').storefront('x')).toBe(
      'https://aldea.example/s/x',
    );
    expect(makeLinks('/admin', false).storefront('x')).toBeUndefined();
  });

  it('only follows a next path inside the admin', () => {
    const l = makeLinks('/admin');
    expect(safeNext(l, '/admin/s/shop_1')).toBe('/admin/s/shop_1');
    expect(safeNext(l, '/admin')).toBe('/admin');
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/admin\\..\\x',
      '/shop',
      undefined,
      `/admin/${'x'.repeat(600)}`,
    ]) {
      expect(safeNext(l, bad)).toBe('/admin');
    }
  });
});
