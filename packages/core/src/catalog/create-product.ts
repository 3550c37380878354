import { and, eq } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { LOCALES } from '../i18n/locales.js';
import { newId } from '../ids.js';
import { products, productTexts } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { auditCatalogChange } from './audit-change.js';
import { loadProductDetail } from './get-product.js';
import { insertOptions, valueIdsFor } from './option-writes.js';
import { setProductCollections } from './product-links.js';
import { CreateProductInput } from './product-schemas.js';
import { slugFromTitles, withIdSuffix } from './slug.js';
import { insertVariant, resolvePrices } from './variant-writes.js';
import type { ProductDetail } from './views.js';

/** The unique-index messages of `products`. */
export const PRODUCT_UNIQUE = {
  products_slug_uq: ['slug', 'another product of this shop already uses this slug'],
} as const satisfies Record<string, [string, string]>;

/** Titles to make a default slug from: the shop's default locale first. */
function slugTitles(texts: Partial<Record<string, { title: string }>>, shopDefault: string) {
  const order = [shopDefault, ...LOCALES.filter((l) => l !== shopDefault)];
  return order.flatMap((l) => (texts[l] ? [texts[l].title] : []));
}

/** A free slug: the wanted one, or with the id's suffix when taken. */
async function freeSlug(tx: Db, shopId: string, slug: string, productId: string) {
  const [taken] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.slug, slug)));
  return taken ? withIdSuffix(slug, productId) : slug;
}

/**
 * Creates a product with its texts, options, variants (prices, stock, weight,
 * fixed prices per buyer currency) and collections, in one transaction. The
 * slug defaults from the title. Requires `catalog.write`.
 *
 * @example
 * const p = await createProduct(ctx, {
 *   texts: { 'es-MX': { title: 'Molcajete de piedra volcánica' } },
 *   variants: [{ sku: 'MOL-20', price: '850', stockOnHand: 3, weightGrams: 4500 }],
 * });
 * @throws AldeaError VALIDATION (field named), CONFLICT (`slug`, `variants.N.sku`),
 *   NOT_FOUND (a collection of another shop), FORBIDDEN
 */
export async function createProduct(
  ctx: ShopContext,
  raw: CreateProductInput,
): Promise<ProductDetail> {
  authorize(ctx, 'catalog.write');
  const input = parseInput(CreateProductInput, raw);
  const prices = input.variants.map((v, i) => resolvePrices(ctx, v, `variants.${i}`));
  const now = ctx.clock.now();
  const shopId = ctx.shop.id;
  const id = newId('product', now.getTime());
  return ctx.db.transaction(async (tx) => {
    const slug =
      input.slug ??
      (await freeSlug(
        tx,
        shopId,
        slugFromTitles(slugTitles(input.texts, ctx.shop.defaultLocale), id),
        id,
      ));
    await conflictOnUnique(
      () =>
        tx.insert(products).values({
          shopId,
          id,
          slug,
          status: input.status,
          originCountry: input.originCountry ?? null,
          originPlace: input.originPlace,
          createdAt: now,
          updatedAt: now,
          publishedAt: input.status === 'active' ? now : null,
        }),
      PRODUCT_UNIQUE,
    );
    const texts = Object.entries(input.texts).flatMap(([locale, t]) =>
      t ? [{ shopId, productId: id, locale, ...t }] : [],
    );
    await tx.insert(productTexts).values(texts);
    const structure = await insertOptions(tx, ctx, id, input.options);
    for (const [i, v] of input.variants.entries()) {
      const valueIds = valueIdsFor(structure, v.optionValues);
      await insertVariant(tx, ctx, id, v, prices[i]!, i, valueIds, `variants.${i}`);
    }
    await setProductCollections(tx, shopId, id, input.collectionIds);
    await auditCatalogChange(tx, ctx, {
      action: 'product.create',
      entity: 'product',
      entityId: id,
      data: { slug, status: input.status },
    });
    const detail = await loadProductDetail(tx, ctx, { id }, { includeUnpublished: true });
    return detail!;
  });
}
