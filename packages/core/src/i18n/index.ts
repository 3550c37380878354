/** Public API of i18n/ (re-exported by the package entry). */
export * from './locales.js';
export * from './messages.js';
