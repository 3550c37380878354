/** Public API of config/ (re-exported by the package entry). */
export { closestName } from './closest-name.js';
export * from './load-config.js';
export * from './settings.js';
