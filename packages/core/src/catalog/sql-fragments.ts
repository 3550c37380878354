import { type Column, getTableName, type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * The SQLite-specific SQL of the catalog's reads, in one place: JSON
 * aggregation of child rows (one statement instead of one per product) and
 * id lists bound as one JSON parameter (so a statement with "any number of
 * ids" is prepared once). A PostgreSQL adapter swaps these for `json_agg`
 * and `= any($1)`.
 */

/**
 * A column always qualified by its table (`"variants"."shop_id"`). Drizzle
 * leaves columns unqualified in single-table queries, which is ambiguous in a
 * correlated subquery over a table with the same column names.
 */
export function qualified(column: Column): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}

/** `column IN (the JSON array bound to placeholder \`name\`)`. */
export function inJsonList(column: SQLWrapper, name: string): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
}

/**
 * `(a, b) IN` every pair of the two JSON arrays bound to placeholders `as` and
 * `bs`: the same rows as `a IN as AND b IN bs`, but SQLite plans the pair on
 * an index over (a, b, …) as lookups. Given the two lists as separate IN terms,
 * its statistics on a small catalogue (a few thousand rows) make it scan the
 * whole table through a Bloom filter: 2-3× slower for a page of 24 products.
 */
export function inJsonPairs(a: SQLWrapper, b: SQLWrapper, as: string, bs: string): SQL {
  return sql`(${a}, ${b}) in (select x.value, y.value
    from json_each(${sql.placeholder(as)}) x, json_each(${sql.placeholder(bs)}) y)`;
}

/** Binds a list for {@link inJsonList}. */
export function jsonList(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** Parses a JSON aggregate column; SQLite returns it as text. */
export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** `[locale, title][]` of the product in the current row of `products`. */
export function titlesOf(shopId: Column, productId: Column): SQL<[string, string][]> {
  return sql<[string, string][]>`(select json_group_array(json_array(t.locale, t.title))
    from product_texts t where t.shop_id = ${qualified(shopId)} and t.product_id = ${qualified(productId)})`.mapWith(
    parseJson<[string, string][]>,
  );
}

/** `{ currency: amountMinor }` of the variant in the current row. */
export function fixedPricesOf(
  shopId: Column,
  variantId: Column,
): SQL<Partial<Record<string, number>>> {
  return sql<
    Partial<Record<string, number>>
  >`(select json_group_object(vp.currency, vp.amount_minor)
    from variant_prices vp where vp.shop_id = ${qualified(shopId)} and vp.variant_id = ${qualified(variantId)})`.mapWith(
    parseJson<Partial<Record<string, number>>>,
  );
}

/** `[format, width, height, key][]` of the media asset in the current row. */
export function mediaFilesOf(
  shopId: Column,
  mediaId: Column,
): SQL<[string, number, number, string][]> {
  return sql<
    [string, number, number, string][]
  >`(select json_group_array(json_array(f.format, f.width, f.height, f.key))
    from media_files f where f.shop_id = ${qualified(shopId)} and f.media_id = ${qualified(mediaId)})`.mapWith(
    parseJson<[string, number, number, string][]>,
  );
}
