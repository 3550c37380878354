/**
 * `@aldea/admin` — the artisan admin as a Hono app factory: sign-in, the
 * seller's shops, and the platform operator's screens.
 */
export { type AdminOptions, createAdmin } from './create-admin.js';
export type { AdminEnv, AdminLogger } from './env.js';
export { adminCatalogues, type MessageKey } from './messages/index.js';
