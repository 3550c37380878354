/** Public API of operator/ (re-exported by the package entry): platform-wide reads and commands. */
export * from './list-shops.js';
export * from './list-users.js';
export * from './manage-platform.js';
export * from './manage-users.js';
export * from './operator-context.js';
