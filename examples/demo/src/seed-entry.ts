/**
 * The demo seed on its own: what `aldea seed --demo` loads. It must not reach
 * `@aldea/cli` (the server composition in app.ts does), or the CLI's build
 * would need its own output before it exists.
 */
export { type DemoLogin, demoLogins } from './logins.ts';
export { type SeedDemoOptions, type SeedDemoResult, seedDemo } from './seed.ts';
export { DEFAULT_SEED_DIR, loadSeedData, type SeedData, SeedFileError } from './seed-data.ts';
