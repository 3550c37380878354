/** The whole Drizzle schema, one module per domain. */
export * from './catalog.js';
export * from './media.js';
export * from './platform.js';
export * from './tenancy.js';
