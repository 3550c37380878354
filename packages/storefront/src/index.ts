/**
 * `@aldea/storefront` — the buyer-facing shop and village site as a Hono app
 * factory. Server-rendered HTML (hono/jsx) that works without JavaScript.
 */
export { createStorefront, type StorefrontOptions } from './create-storefront.js';
export { storefrontFrontDoor } from './http/front-door.js';
export {
  catalogues as storefrontCatalogues,
  type MessageKey as StorefrontMessageKey,
} from './messages/index.js';
export type { LogFields, StorefrontLogger } from './middleware/request-log.js';
export { jsonLogger } from './middleware/request-log.js';
