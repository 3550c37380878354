/** Public API of money/ (re-exported by the package entry). */
export * from './currencies.js';
export * from './format-money.js';
export * from './money.js';
export * from './parse-amount.js';
