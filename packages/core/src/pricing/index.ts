/** Public API of pricing/ (re-exported by the package entry). */
export * from './buyer-currency.js';
export * from './converter.js';
export * from './default-rules.js';
export * from './load-pricer.js';
export * from './payment-amount.js';
export * from './preview-prices.js';
export * from './pricing-settings.js';
export * from './quotes.js';
export * from './region-currency.js';
export * from './resolve-price.js';
export * from './rounding.js';
