import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { products } from '../schema/catalog.js';
import { qualified } from './sql-fragments.js';

/** Filters every listing and search accepts. */
export const AvailabilityFilters = {
  /** `true`: some variant has stock on hand; `false`: none has. */
  inStock: z.boolean().optional(),
  /** `true`: some variant is made to order; `false`: some variant ships from stock. */
  madeToOrder: z.boolean().optional(),
};

/** Page size and cursor, shared by listings and searches. */
export const PageFields = {
  limit: z.number().int().min(1).max(100).default(24),
  cursor: z.string().max(200).optional(),
};

/** SQL conditions on the current `products` row for the availability filters. */
export function availabilityConditions(f: { inStock?: boolean; madeToOrder?: boolean }): SQL[] {
  const ofProduct = sql`v.shop_id = ${qualified(products.shopId)} and v.product_id = ${qualified(products.id)}`;
  const out: SQL[] = [];
  if (f.inStock !== undefined) {
    out.push(
      sql`${f.inStock ? sql`` : sql`not `}exists (select 1 from variants v where ${ofProduct} and v.stock_on_hand > 0)`,
    );
  }
  if (f.madeToOrder !== undefined) {
    out.push(
      sql`exists (select 1 from variants v where ${ofProduct} and v.made_to_order = ${sql.raw(f.madeToOrder ? '1' : '0')})`,
    );
  }
  return out;
}

/** A short key naming which filters a statement has (its shape, for the statement cache). */
export function filterKey(f: { inStock?: boolean; madeToOrder?: boolean }): string {
  const b = (v: boolean | undefined) => (v === undefined ? '-' : v ? '1' : '0');
  return `${b(f.inStock)}${b(f.madeToOrder)}`;
}
