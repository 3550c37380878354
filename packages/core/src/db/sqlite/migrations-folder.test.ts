import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder } from './migrations-folder.js';

describe('defaultMigrationsFolder', () => {
  it("runs the repository's own migrations from the sources, never a build's copy", () => {
    // A build copies them to packages/core/migrations for publishing; that copy goes stale.
    const root = fileURLToPath(new URL('../../../../../migrations', import.meta.url));
    expect(defaultMigrationsFolder()).toBe(root);
  });
});
