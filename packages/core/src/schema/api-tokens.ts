import { foreignKey, index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, stringList, timestamp } from './columns.js';
import { shops, users } from './tenancy.js';

/**
 * A bearer token for the JSON API. Shop tokens (`shop_id` set) act in their
 * shop only, with their scopes; platform tokens (`shop_id` null, made by an
 * operator) carry operator scopes such as `fx:write`. The secret is shown once
 * at creation: only its SHA-256 is stored, so a copy of the database holds no
 * live credentials. `prefix` is the token's public part, shown in lists so a
 * person can tell tokens apart. Revoked tokens stay (for the audit trail).
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: id().primaryKey(),
    /** The shop the token acts in; `null` for a platform (operator) token. */
    shopId: text('shop_id'),
    name: text('name').notNull(),
    /** The token's public start (`aldea_k3m9x2pq`), for telling tokens apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (base64url) of the whole token. */
    tokenHash: text('token_hash').notNull(),
    /** Scopes such as `catalog:read`, `orders:write`. */
    scopes: stringList('scopes'),
    /** Who made it; requests made with it are audited as this person. */
    createdByUserId: text('created_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    /** Refreshed at most once a minute, so most requests only read. */
    lastUsedAt: timestamp('last_used_at'),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_uq').on(t.tokenHash),
    index('api_tokens_shop_idx').on(t.shopId, t.createdAt),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
  ],
);
