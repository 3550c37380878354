/** Public API of money/ (re-exported by the package entry). */
export * from './currencies.js';
