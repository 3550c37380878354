import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { ProductStatus } from '../schema/catalog.js';
import type { SearchPosition } from './cursor.js';
import { availabilityConditions } from './product-filters.js';
import type { SearchQuery } from './search-query.js';
import { parseJson } from './sql-fragments.js';

/** Whose products a search looks at: one shop, or the live shops of a village. */
export type SearchScope = { shopId: string } | { villageId: string };

/** One search hit with what a summary needs (and the shop, for village searches). */
export interface SearchRow {
  id: string;
  shopId: string;
  slug: string;
  status: ProductStatus;
  originPlace: string;
  createdAt: Date;
  titles: [string, string][];
  tier: number;
  shopSlug: string;
  baseCurrency: string;
  defaultLocale: string;
  shopNames: [string, string][];
}

function scopeCondition(scope: SearchScope, shopColumn: SQL): SQL {
  return 'shopId' in scope
    ? sql`${shopColumn} = ${scope.shopId}`
    : sql`${shopColumn} in (select id from shops where village_id = ${scope.villageId} and status = 'live')`;
}

/**
 * Products matching the query with their tier: 0 when every term is in a
 * title, 1 when they are elsewhere (description, materials). FTS5 (trigram)
 * for terms of 3+ characters; LIKE over the scope's texts for shorter ones.
 */
function hitsSql(q: SearchQuery, scope: SearchScope): SQL {
  if (q.kind === 'fts') {
    return sql`select h.product_id, h.shop_id, min(h.tier) as tier from (
        select product_id, shop_id, 0 as tier from product_search where product_search match ${q.titleMatch}
        union all
        select product_id, shop_id, 1 as tier from product_search where product_search match ${q.match}
      ) h where ${scopeCondition(scope, sql`h.shop_id`)} group by h.shop_id, h.product_id`;
  }
  const like = (column: SQL, p: string) => sql`${column} like ${p} escape '\\'`;
  const allIn = (column: SQL) =>
    sql.join(
      q.patterns.map((p) => like(column, p)),
      sql` and `,
    );
  const text = sql`(t.title || ' ' || t.description || ' ' || t.materials)`;
  return sql`select t.product_id, t.shop_id, min(case when ${allIn(sql`t.title`)} then 0 else 1 end) as tier
    from product_texts t
    where ${scopeCondition(scope, sql`t.shop_id`)} and ${allIn(text)}
    group by t.shop_id, t.product_id`;
}

/**
 * Runs one page of a search: hits joined to products and shops, filtered,
 * ordered by (tier, created_at desc, id desc) and cut after `after`. One
 * statement. SQLite-specific (FTS5); lives beside the other dialect SQL.
 */
export async function searchRows(
  db: Db,
  opts: {
    q: SearchQuery;
    scope: SearchScope;
    publicOnly: boolean;
    filters: { inStock?: boolean; madeToOrder?: boolean };
    after?: SearchPosition;
    limit: number;
  },
): Promise<SearchRow[]> {
  const { after } = opts;
  const conditions = [
    opts.publicOnly ? sql`"products"."status" = 'active'` : undefined,
    ...availabilityConditions(opts.filters),
    after
      ? sql`(hits.tier > ${after.tier} or (hits.tier = ${after.tier}
          and ("products"."created_at", "products"."id") < (${after.createdAt}, ${after.id})))`
      : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  // CROSS JOIN fixes the join order in SQLite: the hits drive, looking products
  // up by primary key, instead of scanning every active product. Titles and
  // shop names are read for the page only, after the sort and limit.
  const rows = await db.all<
    Omit<SearchRow, 'createdAt' | 'titles' | 'shopNames'> & {
      createdAt: number;
      titles: string;
      shopNames: string;
    }
  >(sql`with hits as (${hitsSql(opts.q, opts.scope)}),
    page as (
      select "products"."id" as id, "products"."shop_id" as shopId, "products"."slug" as slug,
        "products"."status" as status, "products"."origin_place" as originPlace,
        "products"."created_at" as createdAt, hits.tier as tier
      from hits
      cross join "products" on "products"."shop_id" = hits.shop_id and "products"."id" = hits.product_id
      ${where}
      order by hits.tier asc, "products"."created_at" desc, "products"."id" desc
      limit ${opts.limit})
    select page.*,
      (select json_group_array(json_array(t.locale, t.title)) from product_texts t
        where t.shop_id = page.shopId and t.product_id = page.id) as titles,
      s.slug as shopSlug, s.base_currency as baseCurrency, s.default_locale as defaultLocale,
      (select json_group_array(json_array(st.locale, st.name)) from shop_texts st
        where st.shop_id = s.id) as shopNames
    from page cross join shops s on s.id = page.shopId
    order by page.tier asc, page.createdAt desc, page.id desc`);
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    titles: parseJson<[string, string][]>(r.titles),
    shopNames: parseJson<[string, string][]>(r.shopNames),
  }));
}
