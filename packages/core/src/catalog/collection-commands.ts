import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { collectionProducts, collections, products } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { LocaleCode, Slug } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';
import { auditCatalogChange } from './audit-change.js';
import { loadCollections } from './collection-reads.js';
import type { CollectionView } from './views.js';

const CollectionTitle = z
  .partialRecord(
    LocaleCode,
    z.string().trim().min(1, 'cannot be empty').max(120, 'at most 120 characters'),
  )
  .refine((t) => Object.keys(t).length > 0, { message: 'give the collection a title' });
const CollectionDescription = z.partialRecord(
  LocaleCode,
  z.string().trim().max(2_000, 'at most 2,000 characters'),
);
const ProductIds = z
  .array(z.string().min(1).max(64))
  .max(1_000)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'a product is listed twice' });

/** Input of `createCollection`: products in the order given. */
export const CreateCollectionInput = z.object({
  slug: Slug,
  title: CollectionTitle,
  description: CollectionDescription.default({}),
  position: z.number().int().min(0).max(10_000).default(0),
  productIds: ProductIds.default([]),
});
export type CreateCollectionInput = z.input<typeof CreateCollectionInput>;

/** Input of `updateCollection`: every field optional. */
export const UpdateCollectionInput = z.object({
  slug: Slug.optional(),
  title: CollectionTitle.optional(),
  description: CollectionDescription.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateCollectionInput = z.input<typeof UpdateCollectionInput>;

const UNIQUE = {
  collections_slug_uq: ['slug', 'another collection of this shop already uses this slug'],
} as const satisfies Record<string, [string, string]>;

async function viewOf(tx: Db, ctx: ShopContext, id: string): Promise<CollectionView> {
  const [view] = await loadCollections(tx, ctx, { id }, { includeUnpublished: true });
  if (!view) throw notFound('collection');
  return view;
}

async function assertCollection(tx: Db, shopId: string, id: string) {
  const [row] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.shopId, shopId), eq(collections.id, id)));
  if (!row) throw notFound('collection');
}

/** Replaces a collection's products, in the given order (all must be the shop's). */
async function writeMembers(tx: Db, shopId: string, collectionId: string, productIds: string[]) {
  if (productIds.length > 0) {
    const found = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.shopId, shopId), inArray(products.id, productIds)));
    if (found.length !== productIds.length) throw notFound('product');
  }
  await tx
    .delete(collectionProducts)
    .where(
      and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, collectionId)),
    );
  if (productIds.length > 0) {
    await tx
      .insert(collectionProducts)
      .values(
        productIds.map((productId, position) => ({ shopId, collectionId, productId, position })),
      );
  }
}

/**
 * Creates a collection ("Gift boxes") with its products in order. Requires
 * `catalog.write`.
 * @throws AldeaError VALIDATION, CONFLICT (`slug`), NOT_FOUND (a product of another shop)
 */
export async function createCollection(
  ctx: ShopContext,
  raw: CreateCollectionInput,
): Promise<CollectionView> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(CreateCollectionInput, raw);
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  const id = newId('collection', now.getTime());
  return ctx.db.transaction(async (tx) => {
    await conflictOnUnique(
      () =>
        tx.insert(collections).values({
          shopId,
          id,
          slug: input.slug,
          position: input.position,
          title: input.title,
          description: input.description,
          createdAt: now,
          updatedAt: now,
        }),
      UNIQUE,
    );
    await writeMembers(tx, shopId, id, input.productIds);
    await auditCatalogChange(tx, ctx, {
      action: 'collection.create',
      entity: 'collection',
      entityId: id,
      data: { slug: input.slug },
    });
    return viewOf(tx, ctx, id);
  });
}

/** Changes a collection's slug, texts or position. */
export async function updateCollection(
  ctx: ShopContext,
  collectionId: string,
  raw: UpdateCollectionInput,
): Promise<CollectionView> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(UpdateCollectionInput, raw);
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await assertCollection(tx, shopId, collectionId);
    await conflictOnUnique(
      () =>
        tx
          .update(collections)
          .set({ ...input, updatedAt: now })
          .where(and(eq(collections.shopId, shopId), eq(collections.id, collectionId))),
      UNIQUE,
    );
    await auditCatalogChange(tx, ctx, {
      action: 'collection.update',
      entity: 'collection',
      entityId: collectionId,
      data: { fields: Object.keys(raw) },
    });
    return viewOf(tx, ctx, collectionId);
  });
}

/** Sets exactly which products a collection has, in this order. */
export async function setCollectionProducts(
  ctx: ShopContext,
  collectionId: string,
  raw: string[],
): Promise<CollectionView> {
  authorize(ctx, 'catalog.write');
  const productIds = parseInput(ProductIds, raw);
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await assertCollection(tx, shopId, collectionId);
    await writeMembers(tx, shopId, collectionId, productIds);
    await tx
      .update(collections)
      .set({ updatedAt: now })
      .where(and(eq(collections.shopId, shopId), eq(collections.id, collectionId)));
    await auditCatalogChange(tx, ctx, {
      action: 'collection.set_products',
      entity: 'collection',
      entityId: collectionId,
      data: { productIds },
    });
    return viewOf(tx, ctx, collectionId);
  });
}

/** Deletes a collection (its products stay). */
export async function deleteCollection(ctx: ShopContext, collectionId: string): Promise<void> {
  authorize(ctx, 'catalog.write');
  const shopId = ctx.shop.id;
  await ctx.db.transaction(async (tx) => {
    await assertCollection(tx, shopId, collectionId);
    await tx
      .delete(collections)
      .where(and(eq(collections.shopId, shopId), eq(collections.id, collectionId)));
    await auditCatalogChange(tx, ctx, {
      action: 'collection.delete',
      entity: 'collection',
      entityId: collectionId,
    });
  });
}
