import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { products, variants } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { loadFirstImages, toImageView } from './image-rows.js';
import { cachedSelect } from './prepared.js';
import { inJsonList, jsonList, titlesOf } from './sql-fragments.js';
import { pickTitle } from './summaries.js';
import { toVariantView, variantViewFields } from './variant-rows.js';
import type { VariantForCart } from './views.js';

const VariantIds = z.array(z.string().min(1).max(64)).max(500, 'at most 500 variants');

function statement(db: Db) {
  return cachedSelect(
    db,
    'catalog.variants.for-cart',
    {
      ...variantViewFields,
      productSlug: products.slug,
      productStatus: products.status,
      titles: titlesOf(products.shopId, products.id),
    },
    (f) =>
      db
        .select(f)
        .from(variants)
        .innerJoin(
          products,
          and(eq(products.shopId, variants.shopId), eq(products.id, variants.productId)),
        )
        .where(and(eq(variants.shopId, sql.placeholder('shopId')), inJsonList(variants.id, 'ids')))
        .prepare(),
  );
}

/**
 * The variants a cart or checkout holds, with their product's title, slug,
 * status and first photo, and their prices, in the order asked. Ids of other
 * shops or removed variants are simply absent (the cart shows them as no
 * longer available); the product's status is there for the caller to judge.
 * Two statements whatever the number of ids.
 */
export async function findVariants(
  ctx: ShopContext,
  variantIds: readonly string[],
): Promise<VariantForCart[]> {
  const ids = [...new Set(parseInput(VariantIds, variantIds))];
  if (ids.length === 0) return [];
  const db = ctx.db.read;
  const shop = ctx.shop;
  const rows = await statement(db).all({ shopId: shop.id, ids: jsonList(ids) });
  const images = await loadFirstImages(db, [shop.id], [...new Set(rows.map((r) => r.productId))]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { productSlug, productStatus, titles, ...variant } = r;
    const { title, locale } = pickTitle(titles, ctx.locale, shop.defaultLocale);
    const image = images.get(r.productId);
    return [
      {
        ...toVariantView(variant, ctx.locale, shop.defaultLocale),
        productId: r.productId,
        baseCurrency: shop.baseCurrency,
        product: {
          id: r.productId,
          slug: productSlug,
          status: productStatus,
          title,
          titleLocale: locale,
        },
        image: image ? toImageView(image, ctx.locale, shop.defaultLocale) : null,
      },
    ];
  });
}
