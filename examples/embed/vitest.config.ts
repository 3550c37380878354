import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

/**
 * Two projects: `embed` (the app in-process, seconds) and `packaging` (build,
 * pack, install the tarballs in a fresh project and run the example there:
 * minutes). `npm test` runs both; `npx vitest run --project embed` skips the slow one.
 */
export default defineConfig({
  resolve: shared.resolve,
  ssr: shared.ssr,
  esbuild: shared.esbuild,
  test: {
    projects: [
      { extends: true, test: { name: 'embed', include: ['test/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: ['test/packaging/*.test.ts'],
          testTimeout: 360_000,
          hookTimeout: 360_000,
        },
      },
    ],
  },
});
