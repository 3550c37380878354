#!/usr/bin/env node
/**
 * Builds the workspace package in the current directory for publishing:
 *
 *   node ../../scripts/build-package.mjs [--copy FROM=TO]…
 *
 * 1. empties `dist/` (and every `--copy` target), so nothing stale is shipped;
 * 2. compiles `src/` with `tsc -p tsconfig.build.json` (JavaScript and declarations);
 * 3. copies the files tsc does not emit (stylesheets, scripts, icons under `src/`)
 *    to the same place under `dist/`, where the code reads them from;
 * 4. copies each `--copy FROM=TO` folder (core ships the repository's migrations),
 *    leaving out drizzle-kit's `*_snapshot.json` files: they only serve to generate
 *    the next migration, and are nine tenths of the folder;
 * 5. checks that every file the package's `exports` and `bin` name exists.
 *
 * Sibling packages resolve to their built `dist/` here (tsconfig.build.json
 * clears the `aldea-source` condition), so the declarations are checked the way
 * a consumer will read them. Turbo builds dependencies first (`^build`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const pkgDir = process.cwd();
const started = Date.now();

/** `--copy FROM=TO` pairs, paths relative to the package. */
function parseCopies(argv) {
  const copies = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--copy' ? argv[++i] : undefined;
    const [from, to] = value?.split('=') ?? [];
    if (!from || !to) fail(`usage: build-package.mjs [--copy FROM=TO]… (got ${arg})`);
    copies.push({ from, to });
  }
  return copies;
}

function fail(message) {
  console.error(`build ${relative(process.cwd(), pkgDir) || '.'}: ${message}`);
  process.exit(1);
}

/** Source files tsc does not emit: everything under src/ but TypeScript, tests and test helpers. */
function isAsset(file) {
  return !/\.(ts|tsx)$/.test(file) && !/\.test\./.test(file) && !/(^|\/)testing\//.test(file);
}

function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [relative(base, full)];
  });
}

/** Every file path the manifest promises to consumers (not the workspace-only `aldea-source`). */
function promisedFiles(manifest) {
  const found = new Set();
  const visit = (target, condition) => {
    if (typeof target === 'string') {
      if (condition !== 'aldea-source' && !target.includes('*')) found.add(target);
    } else if (target && typeof target === 'object') {
      for (const [key, value] of Object.entries(target)) visit(value, key);
    }
  };
  visit(manifest.exports);
  visit(typeof manifest.bin === 'string' ? { aldea: manifest.bin } : manifest.bin);
  return [...found];
}

const copies = parseCopies(process.argv.slice(2));
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

rmSync(join(pkgDir, 'dist'), { recursive: true, force: true });
for (const { to } of copies) rmSync(join(pkgDir, to), { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: pkgDir,
  stdio: 'inherit',
});
if (compiled.status !== 0) fail('tsc reported errors (above)');

const assets = walk(join(pkgDir, 'src')).filter(isAsset);
for (const file of assets) cpSync(join(pkgDir, 'src', file), join(pkgDir, 'dist', file));

for (const { from, to } of copies) {
  const source = join(pkgDir, from);
  if (!existsSync(source)) fail(`--copy: ${from} does not exist`);
  cpSync(source, join(pkgDir, to), {
    recursive: true,
    filter: (path) => !path.endsWith('_snapshot.json'),
  });
}

const missing = promisedFiles(manifest).filter((file) => !existsSync(join(pkgDir, file)));
if (missing.length > 0) fail(`package.json names files the build did not make: ${missing}`);

const extra = [
  assets.length > 0 ? `${assets.length} assets` : '',
  ...copies.map(({ to }) => `${to}/`),
].filter(Boolean);
console.log(
  `built ${manifest.name} → dist/${extra.length ? ` (+ ${extra.join(', ')})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
