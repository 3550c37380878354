import { and, eq } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { AldeaError } from '../errors.js';
import { products, productTexts } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { auditCatalogChange } from './audit-change.js';
import { PRODUCT_UNIQUE } from './create-product.js';
import { loadProductDetail } from './get-product.js';
import {
  deleteOptions,
  insertOptions,
  loadOptionStructure,
  renameOptions,
  sameShape,
} from './option-writes.js';
import { loadProductForWrite, setProductCollections } from './product-links.js';
import { UpdateProductInput } from './product-schemas.js';
import { assertPublishable } from './product-status.js';
import { upsertVariants } from './variant-upserts.js';
import { resolvePrices } from './variant-writes.js';
import type { ProductDetail } from './views.js';

type TextsInput = NonNullable<ReturnType<typeof UpdateProductInput.parse>['texts']>;

/** Upserts texts per locale (`null` deletes one); returns how many locales remain. */
async function writeTexts(tx: Db, shopId: string, productId: string, texts: TextsInput) {
  for (const [locale, t] of Object.entries(texts)) {
    const key = and(
      eq(productTexts.shopId, shopId),
      eq(productTexts.productId, productId),
      eq(productTexts.locale, locale),
    );
    if (t === null) {
      await tx.delete(productTexts).where(key);
    } else if (t !== undefined) {
      await tx
        .insert(productTexts)
        .values({ shopId, productId, locale, ...t })
        .onConflictDoUpdate({
          target: [productTexts.shopId, productTexts.productId, productTexts.locale],
          set: t,
        });
    }
  }
}

async function countTexts(tx: Db, shopId: string, productId: string): Promise<number> {
  const rows = await tx
    .select({ locale: productTexts.locale })
    .from(productTexts)
    .where(and(eq(productTexts.shopId, shopId), eq(productTexts.productId, productId)));
  return rows.length;
}

/**
 * Changes a product in one transaction: slug, origin, texts per locale
 * (upserted; `null` removes a locale), options, variants (matched by id or
 * SKU and replaced whole, added, or removed by `removeVariantIds`) and
 * collections. Base and fixed price changes are written to the audit log.
 * An active product must keep a variant and a title. Requires `catalog.write`.
 *
 * @throws AldeaError VALIDATION, CONFLICT (`slug`, `variants.N.sku`, last
 *   variant of an active product), NOT_FOUND (product, variant, collection)
 */
export async function updateProduct(
  ctx: ShopContext,
  productId: string,
  raw: UpdateProductInput,
): Promise<ProductDetail> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(UpdateProductInput, raw);
  const prices = input.variants.map((v, i) => resolvePrices(ctx, v, `variants.${i}`));
  const now = ctx.clock.now();
  const shopId = ctx.shop.id;
  return ctx.db.transaction(async (tx) => {
    const product = await loadProductForWrite(tx, shopId, productId);
    await conflictOnUnique(
      () =>
        tx
          .update(products)
          .set({
            updatedAt: now,
            ...(input.slug !== undefined ? { slug: input.slug } : {}),
            ...(input.originCountry !== undefined ? { originCountry: input.originCountry } : {}),
            ...(input.originPlace !== undefined ? { originPlace: input.originPlace } : {}),
          })
          .where(and(eq(products.shopId, shopId), eq(products.id, productId))),
      PRODUCT_UNIQUE,
    );
    if (input.texts) await writeTexts(tx, shopId, productId, input.texts);
    const titles = await countTexts(tx, shopId, productId);
    if (titles === 0) {
      throw new AldeaError('VALIDATION', 'keep the title in at least one language', [
        { path: 'texts', message: 'keep the title in at least one language', code: 'texts' },
      ]);
    }

    let structure = await loadOptionStructure(tx, shopId, productId);
    let reshaped = false;
    if (input.options && sameShape(structure, input.options)) {
      await renameOptions(tx, ctx, structure, input.options);
    } else if (input.options) {
      await deleteOptions(tx, shopId, productId);
      structure = await insertOptions(tx, ctx, productId, input.options);
      reshaped = true;
    }
    const { count, priceChanges } = await upsertVariants(
      tx,
      ctx,
      productId,
      input,
      prices,
      structure,
      reshaped,
    );
    if (product.status === 'active') assertPublishable({ variantCount: count, hasTitle: true });
    if (input.collectionIds)
      await setProductCollections(tx, shopId, productId, input.collectionIds);

    for (const change of priceChanges) {
      await auditCatalogChange(
        tx,
        ctx,
        {
          action: 'variant.price_change',
          entity: 'variant',
          entityId: change.variantId,
          data: { productId, sku: change.sku, from: change.from, to: change.to },
        },
        { money: true },
      );
    }
    await auditCatalogChange(tx, ctx, {
      action: 'product.update',
      entity: 'product',
      entityId: productId,
      data: { fields: Object.keys(raw) },
    });
    const detail = await loadProductDetail(
      tx,
      ctx,
      { id: productId },
      { includeUnpublished: true },
    );
    return detail!;
  });
}
