/** Public API of audit/ (re-exported by the package entry). */
export * from './record-audit.js';
