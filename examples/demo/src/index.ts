/**
 * The Aldea demo as a library: the app, the seeder and the server start, for
 * tests and for the `aldea` CLI (`aldea seed --demo`). `npm start` runs `server.ts`.
 */
export { createDemoApp, type DemoAppOptions } from './app.ts';
export { type DemoConfig, loadDemoConfig } from './config.ts';
export { importDemoRates, redateEcbXml, refreshDemoRatesIfStale } from './demo-rates.ts';
export { type DemoLogin, demoLogins, startBanner } from './logins.ts';
export { type PhotoSpec, photoSvg, renderPhoto } from './photos/render-photo.ts';
export { type SeedDemoOptions, type SeedDemoResult, seedDemo } from './seed.ts';
export { DEFAULT_SEED_DIR, loadSeedData, type SeedData, SeedFileError } from './seed-data.ts';
export { type RunningDemo, type StartDemoOptions, startDemo } from './start-demo.ts';
