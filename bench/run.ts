/**
 * Runs every benchmark in this folder (or those named on the command line), each
 * in its own process so one cannot warm or pollute another's heap.
 *
 *   npm run bench              # all
 *   npm run bench -- pricing   # bench/pricing.ts only
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name}.ts ===`);
  const r = spawnSync('npx', ['tsx', '--conditions=aldea-source', `${dir}${name}.ts`], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
