import { runMediaJobs, type ShopContext, setShopImage } from '@aldea/core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './support/http.js';
import { makePhoto } from './support/photos.js';
import { makeWorld, type World } from './support/world.js';

let w: World;
let before: { shop: string; village: string };

async function brand(ctx: ShopContext) {
  const logo = await sharp({
    create: {
      width: 300,
      height: 200,
      channels: 4,
      background: { r: 150, g: 40, b: 20, alpha: 1 },
    },
  })
    .png()
    .toBuffer();
  for (const [role, bytes] of [
    ['logo', logo],
    ['banner', await makePhoto('nuts', 1800, 600)],
  ] as const) {
    const r = await setShopImage(ctx, { role, bytes, storage: w.storage });
    if (!r.ok) throw new Error(r.message);
  }
  await runMediaJobs(w.platform, { storage: w.storage, limit: 20 }); // the AVIF sets
}

beforeAll(async () => {
  w = await makeWorld();
  // Before any shop has a logo or banner: what the pages looked like.
  before = {
    shop: (await get(w.app, '/s/wang-hickory?lang=en')).html,
    village: (await get(w.app, '/v/bainiu?lang=en')).html,
  };
  await brand(w.bainiu.wang);
});

describe('shop logo and banner on the storefront', () => {
  it('shows the logo in the header of every shop page, small, sized, named', async () => {
    for (const path of [
      '/s/wang-hickory?lang=en',
      '/s/wang-hickory/c/gifts?lang=en',
      '/s/wang-hickory/p/hickory-kernels?lang=en',
      '/s/wang-hickory/search?q=hickory&lang=en',
    ]) {
      const page = await get(w.app, path);
      expect(page.status, path).toBe(200);
      const img = page.doc.querySelector('header .brand picture.shop-logo img');
      expect(img?.getAttribute('alt'), path).toBe('Wang Family Hickory');
      expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['60', '40']);
      expect(img?.getAttribute('loading')).toBeUndefined();
      const sources = page.doc.querySelectorAll('header .brand source');
      expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
      for (const s of sources) {
        expect(s.getAttribute('sizes')).toBe('60px');
        // Only the small files: a 40-px-high logo never needs the 1024 or 1600 ones.
        const widths = s
          .getAttribute('srcset')!
          .split(', ')
          .map((x) => x.split(' ')[1]);
        expect(widths).toEqual(['300w']);
      }
    }
  });

  it('draws the banner as the shop page’s hero: eager, high priority, AVIF and WebP', async () => {
    const page = await get(w.app, '/s/wang-hickory?lang=en');
    const hero = page.doc.querySelector('main .shop-hero');
    expect(hero).not.toBeNull();
    // Above the fold: before the shop's name.
    expect(page.html.indexOf('class="shop-hero"')).toBeLessThan(page.html.indexOf('<h1'));
    const img = hero!.querySelector('picture img')!;
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1800', '600']);
    const sources = hero!.querySelectorAll('source');
    expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    for (const s of sources) {
      expect(s.getAttribute('sizes')).toBe('(min-width: 64rem) 64rem, 100vw');
      expect(s.getAttribute('srcset')).toMatch(/ 320w, .* 640w, .* 1024w, .* 1600w$/);
    }
    const og = page.doc.querySelector('meta[property="og:image"]')?.getAttribute('content');
    expect(og).toMatch(/^http:\/\/localhost\/media\/shop_[0-9a-z]+\/med_[0-9a-z]+\/w1024-/);
    const file = await w.app.request(`http://localhost${new URL(og!).pathname}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    // The banner is the shop page's only: product pages keep their own photos.
    const product = await get(w.app, '/s/wang-hickory/p/hickory-kernels?lang=en');
    expect(product.doc.querySelector('.shop-hero')).toBeNull();
  });

  it('shows logos on the village page’s shop cards, only for shops that have one', async () => {
    const page = await get(w.app, '/v/bainiu?lang=en');
    const cards = page.doc.querySelectorAll('#shops ~ ul .card, section .card');
    const wang = cards.find((c) => c.text.includes('Wang Family Hickory'));
    const li = cards.find((c) => c.querySelector('h3')?.text === '李记坚果');
    expect(wang?.querySelector('picture.shop-logo img')?.getAttribute('loading')).toBe('lazy');
    expect(wang?.querySelector('picture.shop-logo img')?.getAttribute('alt')).toBe('');
    expect(li).toBeDefined();
    expect(li?.querySelector('picture')).toBeNull();
  });

  it('changes nothing for shops without a logo or banner', async () => {
    const li = await get(w.app, '/s/li-nuts?lang=en');
    expect(li.doc.querySelector('.shop-logo')).toBeNull();
    expect(li.doc.querySelector('.shop-hero')).toBeNull();
    expect(li.doc.querySelector('header .brand')?.innerHTML).toBe('李记坚果');
    // Shop A's pictures never show on shop B's pages, and before branding none showed at all.
    expect(li.html).not.toMatch(new RegExp(w.bainiu.wang.shop.id));
    expect(before.shop).not.toContain('shop-logo');
    expect(before.shop).not.toContain('shop-hero');
    expect(before.village).not.toContain('shop-logo');
  });
});
