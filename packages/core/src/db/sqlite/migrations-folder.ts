import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the migrations live: inside the published package (`@aldea/core/migrations`,
 * copied there at build) or, in this repository, at its root.
 *
 * Running from the TypeScript sources (this repository) the root folder wins:
 * the package's copy is only as fresh as the last build, and a test must never
 * migrate with a stale one.
 */
export function defaultMigrationsFolder(): string {
  const inPackage = '../../../migrations';
  const inRepository = '../../../../../migrations';
  const fromSources = import.meta.url.endsWith('.ts');
  const candidates = (fromSources ? [inRepository, inPackage] : [inPackage, inRepository]).map(
    (rel) => fileURLToPath(new URL(rel, import.meta.url)),
  );
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}
