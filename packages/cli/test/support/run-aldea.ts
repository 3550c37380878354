import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';

/** The `aldea` launcher, as `npx aldea` runs it (tsx + the source condition, from any cwd). */
export const BIN = fileURLToPath(new URL('../../bin/aldea.mjs', import.meta.url));
const TSX = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
).href;

/** The node arguments that run a TypeScript helper of these tests (tsx + source condition). */
export const NODE_ARGS = ['--import', TSX, '--conditions=aldea-source'];

/** The test's own environment minus anything that would configure Aldea behind its back. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(ALDEA_|STRIPE_|PORT$|NODE_OPTIONS$|VITEST|TSX_)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
}

/** Starts `aldea …` as a child process (for long-running commands such as `serve`). */
export function spawnAldea(args: string[], opts: RunOptions): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: cleanEnv(opts.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Collects a child's output and exit code. */
export function finished(child: ChildProcess): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `aldea …` to completion as a real process. */
export function runAldea(args: string[], opts: RunOptions): Promise<RunResult> {
  const child = spawnAldea(args, opts);
  const done = finished(child);
  child.stdin?.end(opts.input ?? '');
  return done;
}

const workspaces: string[] = [];

afterAll(() => {
  for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh working directory, deleted after the test file; `aldea` then uses
 * `<dir>/data/aldea.db` by default.
 */
export function workspace(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-cli-'));
  workspaces.push(dir);
  return { dir, db: join(dir, 'data', 'aldea.db') };
}

/** A workspace whose default database is a copy of an already migrated one. */
export function workspaceWith(migratedDb: string): { dir: string; db: string } {
  const ws = workspace();
  mkdirSync(dirname(ws.db), { recursive: true });
  copyFileSync(migratedDb, ws.db);
  return ws;
}

/** Parses a command's `--json` output. */
export function json<T = Record<string, unknown>>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}
