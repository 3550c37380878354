/** Public API of auth/ (re-exported by the package entry). */
export * from './password.js';
export * from './permissions.js';
