import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { PRODUCT_STATUSES, products } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { decodeListCursor, encodeListCursor } from './cursor.js';
import { cachedSelect } from './prepared.js';
import {
  AvailabilityFilters,
  availabilityConditions,
  filterKey,
  PageFields,
} from './product-filters.js';
import { qualified } from './sql-fragments.js';
import { buildSummaries, productRowFields } from './summaries.js';
import type { ProductPage } from './views.js';

/** Input of `listProducts`. */
export const ListProductsInput = z.object({
  ...PageFields,
  collectionId: z.string().min(1).max(64).optional(),
  /** Only this status; anything but `active` is an admin read. */
  status: z.enum(PRODUCT_STATUSES).optional(),
  ...AvailabilityFilters,
  /** Drafts, paused and archived too (admin). Requires `shop.read`. */
  includeUnpublished: z.boolean().optional(),
});
export type ListProductsInput = z.input<typeof ListProductsInput>;

type Parsed = z.output<typeof ListProductsInput>;

/** Keyset position: strictly after `(createdAt, id)` in (created_at desc, id desc) order. */
export function afterPosition(): SQL {
  return sql`(${qualified(products.createdAt)}, ${qualified(products.id)}) < (${sql.placeholder('afterCreatedAt')}, ${sql.placeholder('afterId')})`;
}

function pageStatement(db: Db, filters: Parsed, status: string | undefined) {
  const key = `catalog.list.${status ?? '*'}.${filters.collectionId ? 'c' : '-'}.${filterKey(filters)}.${filters.cursor ? 'k' : '-'}`;
  return cachedSelect(db, key, productRowFields, (f) =>
    db
      .select(f)
      .from(products)
      .where(
        and(
          eq(products.shopId, sql.placeholder('shopId')),
          status ? eq(products.status, sql.placeholder('status')) : undefined,
          filters.collectionId
            ? sql`exists (select 1 from collection_products cp where cp.shop_id = ${qualified(products.shopId)}
                and cp.collection_id = ${sql.placeholder('collectionId')} and cp.product_id = ${qualified(products.id)})`
            : undefined,
          ...availabilityConditions(filters),
          filters.cursor ? afterPosition() : undefined,
        ),
      )
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );
}

/**
 * A page of the shop's products, newest first, with keyset pagination on
 * (created_at desc, id desc): following `nextCursor` visits every product that
 * existed when the listing started exactly once, however many are added
 * meanwhile, at any depth. Buyers see active products only. Three statements
 * per page whatever its size.
 *
 * @example
 * let page = await listProducts(ctx, { limit: 24 });
 * while (page.nextCursor) page = await listProducts(ctx, { cursor: page.nextCursor });
 * @throws AldeaError VALIDATION (bad limit or cursor), NOT_FOUND (admin read by a buyer)
 */
export async function listProducts(
  ctx: ShopContext,
  raw: ListProductsInput = {},
): Promise<ProductPage> {
  const f = parseInput(ListProductsInput, raw);
  const admin = f.includeUnpublished === true || (f.status !== undefined && f.status !== 'active');
  if (admin) authorize(ctx, 'shop.read');
  const status = admin ? f.status : 'active';
  const after = f.cursor ? decodeListCursor(f.cursor) : undefined;
  const db = ctx.db.read;
  const rows = await pageStatement(db, f, status).all({
    shopId: ctx.shop.id,
    status,
    collectionId: f.collectionId,
    afterCreatedAt: after?.createdAt,
    afterId: after?.id,
    limit: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const shop = ctx.shop;
  return {
    items: await buildSummaries(db, page, ctx.locale, () => shop),
    nextCursor:
      rows.length > f.limit && last
        ? encodeListCursor({ createdAt: last.createdAt.getTime(), id: last.id })
        : null,
  };
}
