/** Public API of audit/ (re-exported by the package entry). */
export * from './list-audit-log.js';
export * from './record-audit.js';
