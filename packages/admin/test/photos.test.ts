import { getProduct } from '@aldea/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  jpeg,
  makeWorld,
  mexicanShop,
  request,
  signedIn,
  textOf,
  type World,
} from './support/world.js';

function upload(files: { name: string; bytes: Uint8Array; type?: string }[]) {
  const body = new FormData();
  for (const f of files) {
    body.append('photos', new File([f.bytes], f.name, { type: f.type ?? 'image/jpeg' }));
  }
  return body;
}

async function productPhotos(w: World) {
  return (await getProduct(w.a.ctx, w.a.product.id, { includeUnpublished: true })).images;
}

describe('photos', () => {
  it('uploads several photos at once without JavaScript, in order, and shows them', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const url = `/admin/s/${w.a.ctx.shop.id}/products/${w.a.product.id}/photos`;
    const res = await request(w, url, {
      browser: owner,
      body: upload([
        { name: 'one.jpg', bytes: await jpeg(800, 600, '#334455') },
        { name: 'two.jpg', bytes: await jpeg(600, 800, '#665544') },
      ]),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('ok=photos.done#photos');
    const images = await productPhotos(w);
    expect(images).toHaveLength(3);
    expect(images.map((i) => i.width)).toEqual([64, 800, 600]);
    // The admin serves the shop's own files, to its members only.
    const key = images[1]!.files.find((f) => f.format === 'webp')!.key;
    const file = await request(w, `/admin/s/${w.a.ctx.shop.id}/media/${key}`, { browser: owner });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
  });

  it('answers the page script in JSON, one photo per request', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const res = await request(w, `/admin/s/${w.a.ctx.shop.id}/products/${w.a.product.id}/photos`, {
      browser: owner,
      body: upload([{ name: 'shrunk.jpg', bytes: await jpeg(2048, 1536) }]),
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, added: 1, problems: [] });
  });

  it('refuses a text file named .jpg and a HEIC photo with a clear message, storing nothing', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const created = await request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
      browser: mx.browser,
      form: {
        'texts.es-MX.title': 'Molcajete',
        'variants.0.price': '850',
        'variants.0.weightGrams': '4000',
        intent: 'save',
      },
    });
    const id = /products\/(prod_[0-9a-z]+)/.exec(created.headers.get('location')!)![1]!;
    const before = w.storage.keys().length;
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic'),
      Buffer.alloc(200, 1),
    ]);
    const res = await request(w, `/admin/s/${mx.ctx.shop.id}/products/${id}/photos`, {
      browser: mx.browser,
      body: upload([
        { name: 'notas.jpg', bytes: Buffer.from('esto no es una foto\n'.repeat(20)) },
        { name: 'IMG_0042.HEIC', bytes: heic, type: 'image/heic' },
      ]),
    });
    expect(res.status).toBe(400);
    const text = await textOf(res);
    expect(text).toContain('notas.jpg: esto no es una foto.');
    expect(text).toContain('IMG_0042.HEIC: es una foto HEIC de iPhone');
    expect(text).toContain('Más compatible');
    expect(w.storage.keys().length).toBe(before);
    expect((await getProduct(mx.ctx, id, { includeUnpublished: true })).images).toHaveLength(0);
  });

  it('refuses a 100 MB upload from its declared size, before reading it', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const body = upload([{ name: 'huge.jpg', bytes: Buffer.alloc(1024) }]);
    const res = await request(w, `/admin/s/${w.a.ctx.shop.id}/products/${w.a.product.id}/photos`, {
      browser: owner,
      body,
      headers: { 'content-length': String(100 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(await textOf(res)).toContain('The upload is too large.');
  });

  it('asks for a file when none was chosen', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const res = await request(w, `/admin/s/${w.a.ctx.shop.id}/products/${w.a.product.id}/photos`, {
      browser: owner,
      body: new FormData(),
    });
    expect(res.status).toBe(400);
    expect(await textOf(res)).toContain('Choose at least one photo.');
  });

  it('reorders, describes per language, and deletes', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const base = `/admin/s/${w.a.ctx.shop.id}/products/${w.a.product.id}/photos`;
    await request(w, base, {
      browser: owner,
      body: upload([{ name: 'b.jpg', bytes: await jpeg(100, 100) }]),
    });
    const [first, second] = await productPhotos(w);
    const moved = await request(w, `${base}/${second!.id}/move`, {
      browser: owner,
      form: { direction: 'up' },
    });
    expect(moved.status).toBe(303);
    expect((await productPhotos(w)).map((i) => i.id)).toEqual([second!.id, first!.id]);

    await request(w, `${base}/${first!.id}/alt`, {
      browser: owner,
      form: { 'alt.en': 'A bag of hickory nuts', 'alt.zh-CN': '一袋山核桃' },
    });
    const described = (await productPhotos(w)).find((i) => i.id === first!.id)!;
    expect(described.altTexts).toEqual({ en: 'A bag of hickory nuts', 'zh-CN': '一袋山核桃' });

    const unconfirmed = await request(w, `${base}/${first!.id}/delete`, {
      browser: owner,
      form: {},
    });
    expect(unconfirmed.status).toBe(400);
    const deleted = await request(w, `${base}/${first!.id}/delete`, {
      browser: owner,
      form: { confirm: 'yes' },
    });
    expect(deleted.status).toBe(303);
    expect((await productPhotos(w)).map((i) => i.id)).toEqual([second!.id]);
  });
});
