import { getShopImages, listAuditLog } from '@aldea/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpeg, makeWorld, mexicanShop, request, signedIn, textOf } from './support/world.js';

/** A logo with transparency, as a designer would send it. */
function logoPng(size = 300): Promise<Buffer> {
  return sharp({
    create: {
      width: size,
      height: size,
      channels: 4,
      background: { r: 180, g: 60, b: 20, alpha: 0.6 },
    },
  })
    .png()
    .toBuffer();
}

function picture(bytes: Uint8Array, name: string, type = 'image/jpeg') {
  const body = new FormData();
  body.append('photos', new File([bytes], name, { type }));
  return body;
}

describe('logo and banner in the shop settings', () => {
  it('uploads both without JavaScript, shows them small, replaces and removes them', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const url = `/admin/s/${w.a.ctx.shop.id}/settings`;
    const logo = await request(w, `${url}/logo`, {
      browser: owner,
      body: picture(await logoPng(), 'logo.png', 'image/png'),
    });
    expect(logo.status).toBe(303);
    expect(logo.headers.get('location')).toBe(`${url}?ok=common.saved#branding`);
    const banner = await request(w, `${url}/banner`, {
      browser: owner,
      body: picture(await jpeg(1600, 600, '#446688'), 'banner.jpg'),
    });
    expect(banner.status).toBe(303);

    const images = await getShopImages(w.a.ctx);
    expect([images.logo?.width, images.banner?.width]).toEqual([300, 1600]);
    const page = await request(w, `${url}?ok=common.saved`, { browser: owner });
    const html = await page.text();
    expect(html).toContain('Logo and banner');
    const logoKey = images.logo!.files.find((f) => f.format === 'webp')!.key;
    expect(html).toContain(`src="/admin/s/${w.a.ctx.shop.id}/media/${logoKey}"`);
    expect(html).toMatch(/class="shop-logo"[^>]*width="96"[^>]*height="96"/);
    expect(html).toMatch(/class="shop-banner"[^>]*width="240"[^>]*height="90"/);
    const file = await request(w, `/admin/s/${w.a.ctx.shop.id}/media/${logoKey}`, {
      browser: owner,
    });
    expect(file.headers.get('content-type')).toBe('image/webp');

    // The page script's JSON answer, replacing the banner.
    const json = await request(w, `${url}/banner`, {
      browser: owner,
      body: picture(await jpeg(1200, 400), 'banner-2.jpg'),
      headers: { accept: 'application/json' },
    });
    expect(await json.json()).toEqual({ ok: true, added: 1, problems: [] });
    const replaced = await getShopImages(w.a.ctx);
    expect(replaced.banner?.width).toBe(1200);
    expect(replaced.banner?.id).not.toBe(images.banner?.id);

    const removed = await request(w, `${url}/logo/remove`, { browser: owner, form: {} });
    expect(removed.status).toBe(303);
    expect((await getShopImages(w.a.ctx)).logo).toBeNull();
    expect(await textOf(await request(w, url, { browser: owner }))).toContain('None yet.');
  });

  it('takes a phone-sized picture past the small-form body limit', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const noisy = await sharp({
      create: {
        width: 1000,
        height: 1000,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noisy.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    const res = await request(w, `/admin/s/${w.a.ctx.shop.id}/settings/banner`, {
      browser: owner,
      body: picture(noisy, 'big.png', 'image/png'),
    });
    expect(res.status).toBe(303);
    expect((await getShopImages(w.a.ctx)).banner?.width).toBe(1000);
  });

  it('re-renders a bad file with a clear message in the seller’s language, storing nothing', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const url = `/admin/s/${mx.ctx.shop.id}/settings`;
    const before = w.storage.keys();
    const res = await request(w, `${url}/logo`, {
      browser: mx.browser,
      body: picture(Buffer.from('esto no es una foto\n'.repeat(20)), 'logo.jpg'),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/role="alert"[^>]*>\s*<p>logo\.jpg: esto no es una foto\.<\/p>/);
    expect(html).toContain('Logo y portada');
    expect(html).toMatch(/id="branding-logo"[^>]*aria-invalid="true"/);
    const none = await request(w, `${url}/banner`, { browser: mx.browser, body: new FormData() });
    expect(none.status).toBe(400);
    expect(await textOf(none)).toContain('Elige una imagen.');
    expect(w.storage.keys()).toEqual(before);
    expect(await getShopImages(mx.ctx)).toEqual({ logo: null, banner: null });
  });

  it('refuses staff and other shops’ owners, and forms without the CSRF token', async () => {
    const w = await makeWorld();
    const before = w.storage.keys();
    const staff = await signedIn(w, w.people.staffA);
    const ownerB = await signedIn(w, w.people.ownerB);
    const owner = await signedIn(w, w.people.ownerA);
    const url = `/admin/s/${w.a.ctx.shop.id}/settings`;
    const body = async () => picture(await jpeg(200, 200), 'logo.jpg');
    expect((await request(w, `${url}/logo`, { browser: staff, body: await body() })).status).toBe(
      403,
    );
    expect((await request(w, `${url}/logo/remove`, { browser: staff, form: {} })).status).toBe(403);
    expect((await request(w, `${url}/logo`, { browser: ownerB, body: await body() })).status).toBe(
      404,
    );
    const noToken = await request(w, `${url}/logo`, {
      browser: owner,
      body: await body(),
      csrf: null,
    });
    expect(noToken.status).toBe(403);
    const foreign = await request(w, `${url}/logo`, {
      browser: owner,
      body: await body(),
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(w.storage.keys()).toEqual(before);
    expect(await getShopImages(w.a.ctx)).toEqual({ logo: null, banner: null });
  });

  it('lets the village trainer set it, audited', async () => {
    const w = await makeWorld();
    const trainer = await signedIn(w, w.people.trainer1);
    const res = await request(w, `/admin/s/${w.a.ctx.shop.id}/settings/logo`, {
      browser: trainer,
      body: picture(await logoPng(120), 'logo.png', 'image/png'),
    });
    expect(res.status).toBe(303);
    const log = await listAuditLog(w.a.ctx);
    expect(log.items[0]).toMatchObject({ action: 'shop.image.set', actorRole: 'trainer' });
  });
});
