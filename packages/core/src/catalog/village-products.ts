import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { pickLocalized } from '../i18n/locales.js';
import { products } from '../schema/catalog.js';
import { shops } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { decodeListCursor, encodeListCursor } from './cursor.js';
import { afterPosition } from './list-products.js';
import { cachedSelect } from './prepared.js';
import { PageFields } from './product-filters.js';
import { SearchProductsInput, searchPage } from './search-products.js';
import { parseJson } from './sql-fragments.js';
import { buildSummaries, productRowFields } from './summaries.js';
import type { ProductPage, VillageProductSummary } from './views.js';

/** Input of `listVillageProducts`. */
export const ListVillageProductsInput = z.object({ ...PageFields });
export type ListVillageProductsInput = z.input<typeof ListVillageProductsInput>;

/** Input of `searchVillageProducts`. */
export const SearchVillageProductsInput = SearchProductsInput.omit({ includeUnpublished: true });
export type SearchVillageProductsInput = z.input<typeof SearchVillageProductsInput>;

type ShopCells = {
  shopSlug: string;
  baseCurrency: string;
  defaultLocale: string;
  shopNames: [string, string][];
};

function pageStatement(db: Db, withCursor: boolean) {
  return cachedSelect(
    db,
    `catalog.village.list.${withCursor ? 'k' : '-'}`,
    {
      ...productRowFields,
      shopSlug: shops.slug,
      baseCurrency: shops.baseCurrency,
      defaultLocale: shops.defaultLocale,
      shopNames: sql<[string, string][]>`(select json_group_array(json_array(st.locale, st.name))
          from shop_texts st where st.shop_id = "shops"."id")`.mapWith(
        parseJson<[string, string][]>,
      ),
    },
    (f) =>
      db
        .select(f)
        .from(products)
        .innerJoin(shops, eq(shops.id, products.shopId))
        .where(
          and(
            eq(shops.villageId, sql.placeholder('villageId')),
            eq(shops.status, 'live'),
            eq(products.status, 'active'),
            withCursor ? afterPosition() : undefined,
          ),
        )
        .orderBy(desc(products.createdAt), desc(products.id))
        .limit(sql.placeholder('limit'))
        .prepare(),
  );
}

function withShops(
  ctx: PlatformContext,
  rows: readonly ({ id: string; shopId: string } & ShopCells)[],
  items: Awaited<ReturnType<typeof buildSummaries>>,
): VillageProductSummary[] {
  return items.map((item, i) => {
    const r = rows[i]!;
    const name = pickLocalized(new Map(r.shopNames), ctx.locale, r.defaultLocale);
    return {
      ...item,
      shop: {
        id: r.shopId,
        slug: r.shopSlug,
        name: name?.value ?? r.shopSlug,
        baseCurrency: r.baseCurrency,
      },
    };
  });
}

/**
 * The newest active products of a village's live shops ("the e-commerce
 * village" page): an explicit platform read across shops, keyset-paginated
 * like `listProducts`, each item with its shop. Three statements per page.
 */
export async function listVillageProducts(
  ctx: PlatformContext,
  villageId: string,
  raw: ListVillageProductsInput = {},
): Promise<ProductPage<VillageProductSummary>> {
  const input = parseInput(ListVillageProductsInput, raw);
  const after = input.cursor ? decodeListCursor(input.cursor) : undefined;
  const db = ctx.db.read;
  const rows = await pageStatement(db, after !== undefined).all({
    villageId,
    afterCreatedAt: after?.createdAt,
    afterId: after?.id,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const shopsById = new Map(page.map((r) => [r.shopId, r]));
  const items = await buildSummaries(db, page, ctx.locale, (id) => shopsById.get(id)!);
  const last = page.at(-1);
  return {
    items: withShops(ctx, page, items),
    nextCursor:
      rows.length > input.limit && last
        ? encodeListCursor({ createdAt: last.createdAt.getTime(), id: last.id })
        : null,
  };
}

/**
 * Searches the active products of a village's live shops (same matching as
 * `searchProducts`), each item with its shop.
 */
export async function searchVillageProducts(
  ctx: PlatformContext,
  villageId: string,
  raw: SearchVillageProductsInput,
): Promise<ProductPage<VillageProductSummary>> {
  const input = parseInput(SearchVillageProductsInput, raw);
  const { rows, items, nextCursor } = await searchPage(ctx, { villageId }, input, true);
  return { items: withShops(ctx, rows, items), nextCursor };
}
