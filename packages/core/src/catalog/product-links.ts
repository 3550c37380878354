import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { collectionProducts, collections, products } from '../schema/catalog.js';

/** Throws NOT_FOUND unless every collection id belongs to the shop. */
export async function assertCollectionsExist(
  tx: Db,
  shopId: string,
  collectionIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(collectionIds)];
  if (unique.length === 0) return;
  const found = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.shopId, shopId), inArray(collections.id, unique)));
  if (found.length !== unique.length) throw notFound('collection');
}

/** Puts a product in exactly these collections, appended at the end of each. */
export async function setProductCollections(
  tx: Db,
  shopId: string,
  productId: string,
  collectionIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(collectionIds)];
  await assertCollectionsExist(tx, shopId, unique);
  await tx
    .delete(collectionProducts)
    .where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.productId, productId)));
  for (const collectionId of unique) {
    await tx.insert(collectionProducts).values({
      shopId,
      collectionId,
      productId,
      position: sql`(select coalesce(max(position), -1) + 1 from collection_products
        where shop_id = ${shopId} and collection_id = ${collectionId})`,
    });
  }
}

/**
 * Reads a product row for a command (inside its transaction), tenant-scoped;
 * throws NOT_FOUND for an unknown id or another shop's.
 */
export async function loadProductForWrite(tx: Db, shopId: string, productId: string) {
  const [row] = await tx
    .select()
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.id, productId)));
  if (!row) throw notFound('product');
  return row;
}

/** Marks a product changed (pages use `updatedAt` for caching). */
export async function touchProduct(tx: Db, shopId: string, productId: string, now: Date) {
  await tx
    .update(products)
    .set({ updatedAt: now })
    .where(and(eq(products.shopId, shopId), eq(products.id, productId)));
}
