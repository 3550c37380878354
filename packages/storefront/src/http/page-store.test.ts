import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageStore } from './page-store.js';

const page = (store: ReturnType<typeof pageStore>, text: string) =>
  `<header><a href="/cart">${store.cartSlot}</a></header><main>${text}</main>`;

describe('pageStore', () => {
  it('gives back what was put at the same version, nothing at another', () => {
    const store = pageStore({ maxBytes: 1e6, maxAgeMs: 60_000 });
    const put = store.put(
      'k',
      { scope: 's', version: 7, now: 1000 },
      page(store, '山核桃'),
      'Cart',
    );
    expect(store.get('k', 7, 2000)).toBe(put);
    expect(put.body.toString()).toBe(
      '<header><a href="/cart">Cart</a></header><main>山核桃</main>',
    );
    expect(put.body.subarray(put.cart!.start, put.cart!.end).toString()).toBe('Cart');
    expect(put.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(store.get('k', 8, 2000)).toBeUndefined();
    // A stale entry is dropped, not kept beside the new one.
    expect(store.stats.entries).toBe(0);
  });

  it('finds the cart label by bytes, after multi-byte text', () => {
    const store = pageStore({ maxBytes: 1e6, maxAgeMs: 60_000 });
    const html = `<title>臼 — Molcajete</title>${page(store, '')}`;
    const put = store.put('k', { scope: 's', version: 1, now: 0 }, html, '购物车');
    expect(put.body.subarray(put.cart!.start, put.cart!.end).toString()).toBe('购物车');
    expect(
      store.put('plain', { scope: 's', version: 1, now: 0 }, '<p>no cart here</p>', 'Cart').cart,
    ).toBeUndefined();
  });

  it('expires a page after maxAgeMs, and if the clock goes back', () => {
    const store = pageStore({ maxBytes: 1e6, maxAgeMs: 1000 });
    store.put('k', { scope: 's', version: 1, now: 5000 }, 'x', 'Cart');
    expect(store.get('k', 1, 5999)).toBeDefined();
    expect(store.get('k', 1, 6000)).toBeUndefined();
    store.put('k', { scope: 's', version: 1, now: 5000 }, 'x', 'Cart');
    expect(store.get('k', 1, 4000)).toBeUndefined();
  });

  it('keeps within its byte budget, dropping the least recently used first', () => {
    const body = 'x'.repeat(800);
    const store = pageStore({ maxBytes: 3000, maxAgeMs: 60_000 });
    store.put('a', { scope: 's', version: 1, now: 0 }, body, 'Cart');
    store.put('b', { scope: 's', version: 1, now: 0 }, body, 'Cart');
    store.get('a', 1, 0); // a is now more recent than b
    store.put('c', { scope: 's', version: 1, now: 0 }, body, 'Cart');
    store.put('d', { scope: 's', version: 1, now: 0 }, body, 'Cart');
    expect(store.get('b', 1, 0)).toBeUndefined();
    expect(store.get('a', 1, 0)).toBeDefined();
    expect(store.get('d', 1, 0)).toBeDefined();
    expect(store.stats.bytes).toBeLessThanOrEqual(3000);
    // A page larger than the whole budget is served but not kept.
    const huge = store.put('huge', { scope: 's', version: 1, now: 0 }, 'y'.repeat(5000), 'Cart');
    expect(huge.body.length).toBe(5000);
    expect(store.get('huge', 1, 0)).toBeUndefined();
  });

  it('gzips a page once and counts those bytes too', () => {
    const store = pageStore({ maxBytes: 1e6, maxAgeMs: 60_000 });
    const put = store.put(
      'k',
      { scope: 's', version: 1, now: 0 },
      page(store, 'molcajete '.repeat(200)),
      'Cart',
    );
    const before = store.stats.bytes;
    const gz = store.gzipped(put);
    expect(store.gzipped(put)).toBe(gz);
    expect(gunzipSync(gz).equals(put.body)).toBe(true);
    expect(store.stats.bytes).toBe(before + gz.length);
  });

  it('a new cart token per store, so sellers cannot guess it', () => {
    const a = pageStore({ maxBytes: 1, maxAgeMs: 1 });
    const b = pageStore({ maxBytes: 1, maxAgeMs: 1 });
    expect(a.cartSlot).toMatch(/^aldea-cart-[0-9a-f]{24}$/);
    expect(a.cartSlot).not.toBe(b.cartSlot);
  });
});
