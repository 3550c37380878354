/**
 * `@aldea/core` — the domain and data of Aldea. Knows no HTTP.
 *
 * Everything here is a plain function taking a context first:
 * `verb(ctx, input)`. Tenant-owned functions take a {@link ShopContext}.
 */
export * from './auth/password.js';
export * from './db/database.js';
export { type OpenSqliteOptions, openSqlite } from './db/sqlite/open-sqlite.js';
export * from './errors.js';
export * from './i18n/locales.js';
export * from './ids.js';
export * from './money/currencies.js';
export * from './tenancy/context.js';
export * from './tenancy/schemas.js';
export * from './tenancy/shops.js';
export * from './tenancy/users.js';
export * from './tenancy/villages.js';
export * from './validation.js';
