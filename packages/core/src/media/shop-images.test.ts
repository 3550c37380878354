import { Readable } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { plainJpeg, transparentPng } from '../../test/fixtures/media/images.js';
import { mediaRows, mediaSetup } from '../../test/fixtures/media/setup.js';
import { actingAs, makeUser, memberOf } from '../../test/support/auth-factories.js';
import { listAuditLog } from '../audit/list-audit-log.js';
import { isAldeaError } from '../errors.js';
import type { ShopContext } from '../tenancy/context.js';
import { shopContext } from '../tenancy/shops.js';
import { findMediaAsset } from './get-media-asset.js';
import { runMediaJobs } from './media-jobs.js';
import {
  getShopImages,
  listShopLogos,
  removeShopImage,
  type SetShopImageResult,
  setShopImage,
} from './shop-images.js';
import type { MediaStorage } from './storage.js';

function stored(r: SetShopImageResult) {
  if (!r.ok) throw new Error(r.message);
  return r.image;
}

async function setLogo(ctx: ShopContext, storage: MediaStorage, bytes?: Buffer) {
  return stored(
    await setShopImage(ctx, {
      role: 'logo',
      bytes: bytes ?? (await transparentPng(400, 400)),
      storage,
    }),
  );
}

describe('setShopImage', () => {
  it('stores a logo and a banner through the photo pipeline and reads them for pages', async () => {
    const { shopA, storage, clock } = await mediaSetup();
    const owner = await memberOf(shopA, 'owner');
    const logo = await setLogo(owner, storage);
    clock.advance(1000);
    const banner = stored(
      await setShopImage(owner, {
        role: 'banner',
        bytes: await plainJpeg(2000, 800),
        filename: 'banner.jpg',
        storage,
      }),
    );
    const images = await getShopImages(shopA);
    expect(images.logo).toEqual(logo);
    expect(images.banner?.id).toBe(banner.id);
    expect([images.banner?.width, images.banner?.height]).toEqual([2000, 800]);
    expect(images.banner?.files.map((f) => [f.format, f.width])).toEqual([
      ['webp', 320],
      ['webp', 640],
      ['webp', 1024],
      ['webp', 1600],
    ]);
    expect(images.logo?.placeholder).toMatch(/^data:image\//);
    // The AVIF job makes the second format; the same view then lists it.
    await runMediaJobs(shopA, { storage });
    const after = await getShopImages(shopA);
    expect(after.banner?.files.filter((f) => f.format === 'avif').map((f) => f.width)).toEqual([
      320, 640, 1024, 1600,
    ]);
    const log = await listAuditLog(owner);
    expect(log.items.map((i) => [i.action, i.actorRole, i.data?.role])).toEqual([
      ['shop.image.set', 'owner', 'banner'],
      ['shop.image.set', 'owner', 'logo'],
    ]);
  });

  it('strips metadata and applies orientation like product photos', async () => {
    const { shopA, storage } = await mediaSetup();
    const bytes = await sharp({
      create: { width: 300, height: 200, channels: 3, background: { r: 200, g: 0, b: 0 } },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' } })
      .toBuffer();
    const logo = await setLogo(shopA, storage, bytes);
    expect([logo.width, logo.height]).toEqual([200, 300]);
    for (const f of logo.files) {
      const meta = await sharp((await storage.get(f.key))!).metadata();
      expect(meta.exif).toBeUndefined();
    }
  });

  it('replacing the logo deletes the previous picture, and its files when the jobs run', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const first = await setLogo(shopA, storage);
    const firstKeys = first.files.map((f) => f.key);
    const second = await setLogo(shopA, storage, await plainJpeg(500, 500));
    expect((await getShopImages(shopA)).logo?.id).toBe(second.id);
    expect(await findMediaAsset(shopA, first.id)).toBeUndefined();
    expect((await mediaRows(shopA)).assets).toBe(1);
    await runMediaJobs(shopA, { storage, limit: 20 });
    const left = files();
    for (const key of firstKeys) expect(left).not.toContain(key);
    for (const f of second.files) expect(left).toContain(f.key);
  });

  it('removes a picture (files purged by the jobs) and says when there was none', async () => {
    const { shopA, storage, files, clock } = await mediaSetup();
    const owner = await memberOf(shopA, 'owner');
    await setLogo(owner, storage);
    clock.advance(1000);
    expect(await removeShopImage(owner, 'logo')).toBe(true);
    expect(await getShopImages(shopA)).toEqual({ logo: null, banner: null });
    expect(await removeShopImage(owner, 'logo')).toBe(false);
    await runMediaJobs(shopA, { storage, limit: 20 });
    expect(files()).toEqual([]);
    const log = await listAuditLog(owner);
    expect(log.items.map((i) => i.action)).toEqual(['shop.image.remove', 'shop.image.set']);
  });

  it('lets trainers and operators change it (audited), refuses staff and strangers before any work', async () => {
    const { db, shopA, shopB, storage, files, clock } = await mediaSetup();
    const trainer = await memberOf(shopA, 'trainer');
    await setLogo(trainer, storage);
    clock.advance(1000);
    const operatorUser = await makeUser(db, { isOperator: true });
    const operator = await shopContext(actingAs(db, operatorUser.id, { clock }), shopA.shop.id);
    await setShopImage(operator, { role: 'banner', bytes: await plainJpeg(800, 300), storage });
    const log = await listAuditLog(shopA);
    expect(log.items.map((i) => i.actorRole)).toEqual(['operator', 'trainer']);

    const before = { rows: await mediaRows(shopA), files: files() };
    const staff = await memberOf(shopA, 'staff');
    const stranger = await shopContext(
      actingAs(db, (await memberOf(shopB, 'owner')).userId),
      shopA.shop.id,
    );
    const bytes = await plainJpeg(300, 300);
    for (const [ctx, code] of [
      [staff, 'FORBIDDEN'],
      [stranger, 'NOT_FOUND'],
    ] as const) {
      const set = await setShopImage(ctx, { role: 'logo', bytes, storage }).catch((e) => e);
      expect(isAldeaError(set, code)).toBe(true);
      const removed = await removeShopImage(ctx, 'banner').catch((e) => e);
      expect(isAldeaError(removed, code)).toBe(true);
    }
    expect({ rows: await mediaRows(shopA), files: files() }).toEqual(before);
    expect(await mediaRows(shopB)).toEqual({ assets: 0, files: 0, jobs: 0 });
  });

  it('shop B cannot see or touch shop A’s pictures', async () => {
    const { shopA, shopB, storage } = await mediaSetup();
    const logoA = await setLogo(shopA, storage);
    expect(await getShopImages(shopB)).toEqual({ logo: null, banner: null });
    expect(await removeShopImage(shopB, 'logo')).toBe(false);
    const logoB = await setLogo(shopB, storage, await plainJpeg(200, 200));
    expect((await getShopImages(shopA)).logo?.id).toBe(logoA.id);
    expect((await getShopImages(shopB)).logo?.id).toBe(logoB.id);
    const logos = await listShopLogos(shopA, [shopA.shop.id, shopB.shop.id, 'shop_missing']);
    expect(logos.size).toBe(2);
    expect(logos.get(shopA.shop.id)?.id).toBe(logoA.id);
    expect(logos.get(shopB.shop.id)?.id).toBe(logoB.id);
    expect(await listShopLogos(shopA, [])).toEqual(new Map());
  });

  it('refuses a file that is not an image, or too big, and changes nothing', async () => {
    const { shopA, storage, files } = await mediaSetup();
    const logo = await setLogo(shopA, storage);
    const before = { rows: await mediaRows(shopA), files: files() };
    const text = await setShopImage(shopA, {
      role: 'logo',
      bytes: Buffer.from('just some text, named logo.jpg'),
      filename: 'logo.jpg',
      storage,
    });
    expect(text).toMatchObject({ ok: false, reason: 'NOT_AN_IMAGE' });
    const huge = await setShopImage(shopA, {
      role: 'banner',
      stream: Readable.from([Buffer.alloc(10)]),
      size: 100 * 1024 * 1024,
      storage,
    });
    expect(huge).toMatchObject({ ok: false, reason: 'TOO_LARGE', params: { maxMegabytes: 25 } });
    expect({ rows: await mediaRows(shopA), files: files() }).toEqual(before);
    expect((await getShopImages(shopA)).logo?.id).toBe(logo.id);
    const bad = await setShopImage(shopA, {
      role: 'icon' as never,
      bytes: await plainJpeg(100, 100),
      storage,
    }).catch((e) => e);
    expect(isAldeaError(bad, 'VALIDATION')).toBe(true);
    expect(bad.issues[0].path).toBe('role');
    expect({ rows: await mediaRows(shopA), files: files() }).toEqual(before);
  });

  it('failed halfway (after the upload was stored): the old logo stays, the new one goes', async () => {
    const { shopA, storage } = await mediaSetup();
    const logo = await setLogo(shopA, storage);
    const before = await mediaRows(shopA);
    let calls = 0;
    const failing: ShopContext = {
      ...shopA,
      db: Object.assign(Object.create(shopA.db), {
        transaction: (fn: Parameters<typeof shopA.db.transaction>[0]) =>
          ++calls === 2
            ? shopA.db.transaction(async (tx) => {
                await fn(tx);
                throw new Error('disk full');
              })
            : shopA.db.transaction(fn),
      }),
    };
    const err = await setLogo(failing, storage, await plainJpeg(300, 300)).catch((e) => e);
    expect((err as Error).message).toBe('disk full');
    expect((await getShopImages(shopA)).logo?.id).toBe(logo.id);
    const after = await mediaRows(shopA);
    expect(after.assets).toBe(before.assets);
    expect(after.files).toBe(before.files);
  });
});
