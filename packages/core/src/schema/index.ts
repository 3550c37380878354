/** The whole Drizzle schema, one module per domain. */
export * from './api-tokens.js';
export * from './auth.js';
export * from './carts.js';
export * from './catalog.js';
export * from './media.js';
export * from './onboarding.js';
export * from './orders.js';
export * from './payments.js';
export * from './platform.js';
export * from './pricing.js';
export * from './shipping.js';
export * from './tenancy.js';
