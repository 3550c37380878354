/**
 * Runs `aldea` from this repository's TypeScript sources, from any working
 * directory: tsx compiles with the repository's tsconfig (hono/jsx pages), and
 * workspace packages resolve to their sources through the `aldea-source`
 * condition, as `npm start` and the tests do. Published packages run the
 * compiled `dist/bin.js` instead (see `aldea.mjs`).
 */
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
// Registered after tsx, so it runs first and every resolution sees the condition.
register('./source-condition.mjs', import.meta.url);
await import('../src/bin.ts');
