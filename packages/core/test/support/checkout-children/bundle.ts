import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outDir = fileURLToPath(new URL('../../../test-artifacts/children/', import.meta.url));

/**
 * Bundles a child-process script with esbuild (dependencies stay external) so
 * that each of the hundred processes a crash test starts boots in a fraction
 * of a second instead of transpiling core on every start.
 */
export async function bundleChild(name: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}${name}.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
