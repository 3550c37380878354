import {
  AldeaError,
  addProductImage,
  deleteMediaAsset,
  getProduct,
  type IngestRefused,
  ingestImage,
  isAldeaError,
  notFound,
  type ProductDetail,
  removeProductImage,
  reorderProductImages,
  setProductImageAlt,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { readForm } from '../http/form.js';
import type { MessageKey } from '../messages/index.js';
import { requires } from '../middleware/requires.js';
import { productIdOf, renderProductWithPhotoProblems } from './product-page.js';

/** At most this many photos in one upload request. */
export const MAX_PHOTOS_PER_UPLOAD = 10;

const IMAGE_ID = /^img_[0-9a-z]{10,40}$/;

function imageIdOf(c: Context<AdminEnv>): string {
  const id = c.req.param('imageId');
  if (!id || !IMAGE_ID.test(id)) throw notFound('photo');
  return id;
}

async function productOf(c: Context<AdminEnv>): Promise<ProductDetail> {
  return getProduct(c.get('shop'), productIdOf(c), { includeUnpublished: true });
}

function backToPhotos(c: Context<AdminEnv>, product: ProductDetail, ok: MessageKey) {
  const url = c.get('links').product(c.get('shop').shop.id, product.id);
  return c.redirect(`${url}?ok=${ok}#photos`, 303);
}

/** A refused upload in the seller's language, naming the file. */
export function refusalText(c: Context<AdminEnv>, r: IngestRefused, filename: string): string {
  return c.get('t')(`photos.refused.${r.reason}`, { filename, ...r.params });
}

/**
 * A product's photos: upload (several per request; each one ingested by core —
 * type sniffed, pixel and size limits, EXIF orientation applied, metadata
 * stripped — then put on the product), move, describe, delete. Answers JSON
 * to the page script (`Accept: application/json`), HTML otherwise.
 */
export function photoRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const write = requires('catalog.write');

  app.post('/', write, async (c) => {
    const shop = c.get('shop');
    const product = await productOf(c);
    const form = await readForm(c);
    const files = form.files('photos');
    const t = c.get('t');
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    const problems: string[] = [];
    if (files.length === 0) problems.push(t('photos.noFile'));
    if (files.length > MAX_PHOTOS_PER_UPLOAD) {
      problems.push(t('photos.tooMany', { max: MAX_PHOTOS_PER_UPLOAD }));
    }
    let added = 0;
    if (problems.length === 0) {
      for (const file of files) {
        const filename = file.name.slice(0, 120) || 'photo';
        const result = await ingestImage(shop, {
          bytes: new Uint8Array(await file.arrayBuffer()),
          filename,
          storage: c.get('deps').storage,
        });
        if (!result.ok) {
          problems.push(refusalText(c, result, filename));
          continue;
        }
        try {
          await addProductImage(shop, product.id, { mediaId: result.asset.id });
          added++;
        } catch (err) {
          // Nothing half-stored: the asset goes if it cannot go on the product.
          await deleteMediaAsset(shop, result.asset.id);
          if (isAldeaError(err, 'CONFLICT')) problems.push(t('error.409'));
          else throw err;
        }
      }
    }
    if (wantsJson) {
      return c.json({ ok: problems.length === 0, added, problems }, problems.length ? 422 : 200);
    }
    if (problems.length === 0) return backToPhotos(c, product, 'photos.done');
    return renderProductWithPhotoProblems(c, await productOf(c), problems);
  });

  app.post('/:imageId/move', write, async (c) => {
    const product = await productOf(c);
    const imageId = imageIdOf(c);
    const { fields } = await readForm(c);
    const ids = product.images.map((i) => i.id);
    const at = ids.indexOf(imageId);
    if (at < 0) throw notFound('photo');
    const to = fields.direction === 'up' ? at - 1 : at + 1;
    if (to >= 0 && to < ids.length) {
      [ids[at], ids[to]] = [ids[to]!, ids[at]!];
      await reorderProductImages(c.get('shop'), product.id, ids);
    }
    return backToPhotos(c, product, 'common.saved');
  });

  app.post('/:imageId/alt', write, async (c) => {
    const product = await productOf(c);
    const imageId = imageIdOf(c);
    if (!product.images.some((i) => i.id === imageId)) throw notFound('photo');
    const { fields } = await readForm(c);
    const alt: Record<string, string> = {};
    for (const locale of c.get('shop').shop.locales) alt[locale] = fields[`alt.${locale}`] ?? '';
    await setProductImageAlt(c.get('shop'), imageId, alt);
    return backToPhotos(c, product, 'common.saved');
  });

  app.post('/:imageId/delete', write, async (c) => {
    const shop = c.get('shop');
    const product = await productOf(c);
    const imageId = imageIdOf(c);
    const image = product.images.find((i) => i.id === imageId);
    if (!image) throw notFound('photo');
    const { fields } = await readForm(c);
    if (fields.confirm !== 'yes') {
      throw new AldeaError('VALIDATION', 'confirm the deletion', [
        { path: 'confirm', message: 'field.required' },
      ]);
    }
    await removeProductImage(shop, imageId);
    await deleteMediaAsset(shop, image.mediaId);
    return backToPhotos(c, product, 'photos.deleted');
  });

  return app;
}
