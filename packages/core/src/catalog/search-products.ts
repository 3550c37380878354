import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { decodeSearchCursor, encodeSearchCursor } from './cursor.js';
import { AvailabilityFilters, PageFields } from './product-filters.js';
import { parseSearchQuery } from './search-query.js';
import { type SearchRow, type SearchScope, searchRows } from './search-sql.js';
import { buildSummaries } from './summaries.js';
import type { ProductPage, ProductSummary } from './views.js';

/** Input of `searchProducts`. */
export const SearchProductsInput = z.object({
  q: z.string().max(200, 'at most 200 characters'),
  ...PageFields,
  ...AvailabilityFilters,
  /** Drafts, paused and archived too (admin). Requires `shop.read`. */
  includeUnpublished: z.boolean().optional(),
});
export type SearchProductsInput = z.input<typeof SearchProductsInput>;

/**
 * Runs a search page for a scope and turns the hits into summaries (three
 * statements). Shared by shop and village searches.
 */
export async function searchPage(
  ctx: { db: ShopContext['db']; locale: string },
  scope: SearchScope,
  input: z.output<typeof SearchProductsInput>,
  publicOnly: boolean,
): Promise<{ rows: SearchRow[]; items: ProductSummary[]; nextCursor: string | null }> {
  const q = parseSearchQuery(input.q);
  const after = input.cursor ? decodeSearchCursor(input.cursor) : undefined;
  if (!q) return { rows: [], items: [], nextCursor: null };
  const db = ctx.db.read;
  const rows = await searchRows(db, {
    q,
    scope,
    publicOnly,
    filters: input,
    ...(after ? { after } : {}),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const shops = new Map(page.map((r) => [r.shopId, r]));
  const items = await buildSummaries(db, page, ctx.locale, (id) => shops.get(id)!);
  const last = page.at(-1);
  return {
    rows: page,
    items,
    nextCursor:
      rows.length > input.limit && last
        ? encodeSearchCursor({ tier: last.tier, createdAt: last.createdAt.getTime(), id: last.id })
        : null,
  };
}

/**
 * Full-text search in the shop's products, in any language the seller wrote:
 * FTS5 with the trigram tokenizer, so 山核桃 matches inside 临安山核桃 and
 * "volcanica" finds "volcánica"; queries with a term shorter than 3
 * characters fall back to LIKE within the shop. Title matches come first,
 * then newest first; `nextCursor` pages on. A blank query gives an empty page.
 *
 * @example
 * const { items } = await searchProducts(ctx, { q: 'molcajete', limit: 24 });
 * @throws AldeaError VALIDATION (bad limit or cursor)
 */
export async function searchProducts(
  ctx: ShopContext,
  raw: SearchProductsInput,
): Promise<ProductPage> {
  const input = parseInput(SearchProductsInput, raw);
  if (input.includeUnpublished) authorize(ctx, 'shop.read');
  const { items, nextCursor } = await searchPage(
    ctx,
    { shopId: ctx.shop.id },
    input,
    !input.includeUnpublished,
  );
  return { items, nextCursor };
}
