/**
 * `@aldea/core` — the domain and data of Aldea. Knows no HTTP.
 *
 * Everything here is a plain function taking a context first:
 * `verb(ctx, input)`. Tenant-owned functions take a {@link ShopContext}.
 * Each domain folder has its own `index.ts`; this file only re-exports them.
 */
export * from './api-tokens/index.js';
export * from './audit/index.js';
export * from './auth/index.js';
export * from './carts/index.js';
export * from './catalog/index.js';
export * from './checkout/index.js';
export * from './config/index.js';
export * from './db/database.js';
export * from './db/maintenance.js';
export { type OpenSqliteOptions, openSqlite } from './db/sqlite/open-sqlite.js';
export * from './errors.js';
export * from './fx/index.js';
export * from './i18n/index.js';
export * from './ids.js';
export * from './jobs/index.js';
export * from './media/index.js';
export * from './money/index.js';
export * from './notifications/index.js';
export * from './onboarding/index.js';
export * from './operator/index.js';
export * from './orders/index.js';
export * from './payments/index.js';
export * from './pricing/index.js';
export * from './settings/index.js';
export * from './shipping/index.js';
export * from './tenancy/context.js';
export * from './tenancy/schemas.js';
export * from './tenancy/shops.js';
export * from './tenancy/users.js';
export * from './tenancy/villages.js';
export * from './theme/index.js';
export * from './validation.js';
