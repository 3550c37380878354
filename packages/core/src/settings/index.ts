/** Public API of settings/ (re-exported by the package entry). */
export * from './schemas.js';
export * from './shop-settings.js';
export * from './update-shop-settings.js';
