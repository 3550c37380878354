import { defineConfig } from 'vitest/config';

/** Shared Vitest settings: resolve workspace packages to their TypeScript sources. */
export default defineConfig({
  resolve: { conditions: ['aldea-source'] },
  ssr: { resolve: { conditions: ['aldea-source'] } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
});
