import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { AldeaError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { productImages } from '../schema/catalog.js';
import { mediaAssets } from '../schema/media.js';
import type { ShopContext } from '../tenancy/context.js';
import { LocaleCode } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';
import { auditCatalogChange } from './audit-change.js';
import { loadImage, loadProductImages, toImageView } from './image-rows.js';
import { loadProductForWrite, touchProduct } from './product-links.js';
import type { ImageView } from './views.js';

/** At most this many photos per product. */
export const MAX_PRODUCT_IMAGES = 20;

/** Alt text per locale (may be empty: the page then uses the product title). */
export const ImageAltInput = z.partialRecord(
  LocaleCode,
  z.string().trim().max(300, 'at most 300 characters'),
);
export type ImageAltInput = z.input<typeof ImageAltInput>;

/** Input of `addProductImage`: one of the shop's processed photos and its alt texts. */
export const AddProductImageInput = z.object({
  mediaId: z.string().min(1).max(64),
  alt: ImageAltInput.default({}),
});
export type AddProductImageInput = z.input<typeof AddProductImageInput>;

const ImageIds = z.array(z.string().min(1).max(64)).max(MAX_PRODUCT_IMAGES);

function withoutEmpty(alt: Partial<Record<string, string>>): Partial<Record<string, string>> {
  return Object.fromEntries(Object.entries(alt).filter(([, v]) => v));
}

async function imageForWrite(tx: Db, ctx: ShopContext, imageId: string) {
  const row = await loadImage(tx, ctx.shop.id, imageId);
  if (!row) throw notFound('photo');
  return row;
}

const view = (ctx: ShopContext, row: Parameters<typeof toImageView>[0]) =>
  toImageView(row, ctx.locale, ctx.shop.defaultLocale);

/**
 * Puts one of the shop's processed photos (`media_assets`) on a product, last
 * in order. Requires `catalog.write`.
 * @throws AldeaError NOT_FOUND (product or photo of another shop), CONFLICT (too many photos)
 */
export async function addProductImage(
  ctx: ShopContext,
  productId: string,
  raw: AddProductImageInput,
): Promise<ImageView> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(AddProductImageInput, raw);
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await loadProductForWrite(tx, shopId, productId);
    const [media] = await tx
      .select({ id: mediaAssets.id })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.shopId, shopId), eq(mediaAssets.id, input.mediaId)));
    if (!media) throw notFound('photo');
    const existing = await loadProductImages(tx, shopId, productId);
    if (existing.length >= MAX_PRODUCT_IMAGES) {
      throw new AldeaError('CONFLICT', `a product can have at most ${MAX_PRODUCT_IMAGES} photos`, [
        { path: 'mediaId', message: `at most ${MAX_PRODUCT_IMAGES} photos`, code: 'too_many' },
      ]);
    }
    const id = newId('image', now.getTime());
    await tx.insert(productImages).values({
      shopId,
      id,
      productId,
      mediaId: input.mediaId,
      position: Math.max(-1, ...existing.map((i) => i.position)) + 1,
      alt: withoutEmpty(input.alt),
      createdAt: now,
    });
    await touchProduct(tx, shopId, productId, now);
    await auditCatalogChange(tx, ctx, {
      action: 'product.image_add',
      entity: 'product',
      entityId: productId,
      data: { imageId: id, mediaId: input.mediaId },
    });
    return view(ctx, await imageForWrite(tx, ctx, id));
  });
}

/**
 * Puts a product's photos in the given order; `imageIds` must list each of
 * them exactly once. The first one is the product's main photo.
 * @throws AldeaError VALIDATION (`imageIds` is not the product's photos), NOT_FOUND
 */
export async function reorderProductImages(
  ctx: ShopContext,
  productId: string,
  raw: string[],
): Promise<ImageView[]> {
  authorize(ctx, 'catalog.write');
  const imageIds = parseInput(ImageIds, raw);
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await loadProductForWrite(tx, shopId, productId);
    const existing = await loadProductImages(tx, shopId, productId);
    const known = new Set(existing.map((i) => i.id));
    if (
      imageIds.length !== known.size ||
      new Set(imageIds).size !== known.size ||
      imageIds.some((id) => !known.has(id))
    ) {
      throw new AldeaError('VALIDATION', 'list each photo of the product exactly once', [
        { path: 'imageIds', message: 'list each photo of the product exactly once', code: 'order' },
      ]);
    }
    for (const [position, id] of imageIds.entries()) {
      await tx
        .update(productImages)
        .set({ position })
        .where(and(eq(productImages.shopId, shopId), eq(productImages.id, id)));
    }
    await touchProduct(tx, shopId, productId, now);
    await auditCatalogChange(tx, ctx, {
      action: 'product.image_reorder',
      entity: 'product',
      entityId: productId,
      data: { imageIds },
    });
    return (await loadProductImages(tx, shopId, productId)).map((r) => view(ctx, r));
  });
}

/** Replaces a photo's alt texts (all locales; an empty text removes that locale). */
export async function setProductImageAlt(
  ctx: ShopContext,
  imageId: string,
  raw: ImageAltInput,
): Promise<ImageView> {
  authorize(ctx, 'catalog.write');
  const alt = withoutEmpty(parseInput(ImageAltInput, raw));
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const image = await imageForWrite(tx, ctx, imageId);
    await tx
      .update(productImages)
      .set({ alt })
      .where(and(eq(productImages.shopId, shopId), eq(productImages.id, imageId)));
    await touchProduct(tx, shopId, image.productId, now);
    await auditCatalogChange(tx, ctx, {
      action: 'product.image_alt',
      entity: 'product',
      entityId: image.productId,
      data: { imageId },
    });
    return view(ctx, await imageForWrite(tx, ctx, imageId));
  });
}

/**
 * Takes a photo off its product (the media asset stays in the shop's library).
 * The photos after it move up one place.
 */
export async function removeProductImage(ctx: ShopContext, imageId: string): Promise<void> {
  authorize(ctx, 'catalog.write');
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const image = await imageForWrite(tx, ctx, imageId);
    await tx
      .delete(productImages)
      .where(and(eq(productImages.shopId, shopId), eq(productImages.id, imageId)));
    await tx
      .update(productImages)
      .set({ position: sql`${productImages.position} - 1` })
      .where(
        and(
          eq(productImages.shopId, shopId),
          eq(productImages.productId, image.productId),
          sql`${productImages.position} > ${image.position}`,
        ),
      );
    await touchProduct(tx, shopId, image.productId, now);
    await auditCatalogChange(tx, ctx, {
      action: 'product.image_remove',
      entity: 'product',
      entityId: image.productId,
      data: { imageId, mediaId: image.mediaId },
    });
  });
}
