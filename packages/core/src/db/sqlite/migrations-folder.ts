import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the migrations live: inside the published package (`@aldea/core/migrations`,
 * copied there at build) or, in this repository, at its root.
 */
export function defaultMigrationsFolder(): string {
  const candidates = ['../../../migrations', '../../../../../migrations'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}
