import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { createdAt, currency, id, shopId, updatedAt } from './columns.js';
import { shops } from './tenancy.js';

/**
 * A buyer's cart in one shop. Buyers have no account: the browser holds a
 * secret token in a cookie and we store only its SHA-256, so neither the row id
 * nor a database leak lets anyone open someone else's cart. One token can own a
 * cart in every shop (one row per shop).
 */
export const carts = sqliteTable(
  'carts',
  {
    shopId: shopId(),
    id: id(),
    /** Hex SHA-256 of the cookie token. */
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    uniqueIndex('carts_token_uq').on(t.shopId, t.tokenHash),
    index('carts_updated_idx').on(t.shopId, t.updatedAt),
  ],
);

/**
 * One variant in a cart, with the unit price the buyer saw when adding it
 * (amount and currency), so the cart can say when the price changed since.
 *
 * No foreign key to `variants`: when a seller removes a variant, the line stays
 * and the cart tells the buyer the item is no longer available, rather than the
 * line silently vanishing.
 */
export const cartLines = sqliteTable(
  'cart_lines',
  {
    shopId: shopId(),
    id: id(),
    cartId: text('cart_id').notNull(),
    variantId: text('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** Unit price shown when the line was added or last changed, in `seen_currency`. */
    seenAmountMinor: integer('seen_amount_minor'),
    seenCurrency: currency('seen_currency'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.cartId],
      foreignColumns: [carts.shopId, carts.id],
    }).onDelete('cascade'),
    uniqueIndex('cart_lines_variant_uq').on(t.shopId, t.cartId, t.variantId),
    check('cart_lines_quantity_ck', sql`${t.quantity} between 1 and 999`),
    check('cart_lines_seen_ck', sql`${t.seenAmountMinor} is null or ${t.seenAmountMinor} >= 0`),
  ],
);
