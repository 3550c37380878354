#!/usr/bin/env node
/**
 * The `aldea` command. Installed from npm, it runs the compiled CLI
 * (`dist/bin.js`). In the Aldea repository — the TypeScript sources and the
 * repository's tsconfig sit next to it — it runs the sources through tsx
 * (`from-sources.mjs`), so nothing needs building and nothing runs stale.
 */
import { existsSync } from 'node:fs';

const near = (path) => existsSync(new URL(path, import.meta.url));
const inRepository = near('../src/bin.ts') && near('../../../tsconfig.json');
await import(inRepository ? './from-sources.mjs' : '../dist/bin.js');
