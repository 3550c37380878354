/** The whole Drizzle schema, one module per domain. */
export * from './auth.js';
export * from './carts.js';
export * from './catalog.js';
export * from './media.js';
export * from './orders.js';
export * from './payments.js';
export * from './platform.js';
export * from './pricing.js';
export * from './shipping.js';
export * from './tenancy.js';
export * from './onboarding.js';
