/** Public API of fx/ (re-exported by the package entry). */
export * from './derive-rate.js';
export * from './import-ecb.js';
export * from './latest-rates.js';
export * from './manual-rate.js';
export * from './parse-ecb.js';
export * from './rate-provider.js';
export * from './rate-text.js';
export * from './staleness.js';
