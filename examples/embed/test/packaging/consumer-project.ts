/**
 * Helpers of the packed-tarball test: build and pack this repository's
 * packages, and install them into a fresh project outside it, as a consumer
 * of the published packages would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment for child processes: ours, minus what would reach back into
 * the repository (the source condition, Vitest's and Turbo's own variables).
 */
export function outsideEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(NODE_OPTIONS|VITEST|TURBO_|TSX_|ALDEA_|MARKET_)/.test(key)) {
      continue;
    }
    env[key] = value;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run(
  command: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? outsideEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code, stdout, stderr };
      if (code === 0) resolve(result);
      else {
        const shown = `${command} ${args.join(' ')}`;
        reject(
          new Error(`${shown} exited ${code}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`),
        );
      }
    });
  });
}

/** A publishable package of the repository. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: {
    name: string;
    version: string;
    exports?: Record<string, unknown>;
    bin?: Record<string, string>;
    files?: string[];
  };
}

/** Every package under `packages/` that is not private. */
export function publishablePackages(): WorkspacePackage[] {
  const root = join(REPO, 'packages');
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }));
}

/** What `npm pack --json` says about one tarball. */
export interface PackedTarball {
  name: string;
  filename: string;
  files: { path: string }[];
}

/** Packs the packages into `dest`, as `npm publish` would. */
export async function packAll(packages: WorkspacePackage[], dest: string) {
  const workspaces = packages.flatMap((p) => ['-w', p.name]);
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', dest, ...workspaces],
    { cwd: REPO },
  );
  return JSON.parse(stdout) as PackedTarball[];
}

/**
 * This repository's own compiled better-sqlite3, offered to the fresh install
 * through prebuild-install's documented local-prebuilds folder — so the install
 * takes seconds instead of compiling SQLite again. Only when it is the very
 * version the packages pin, built for this Node ABI and platform; otherwise the
 * install compiles as any consumer's would.
 *
 * @returns the environment variable to set for `npm install`, or `{}`
 */
export async function reuseSqliteBuild(
  coreManifest: { dependencies?: Record<string, string> },
  folder: string,
): Promise<Record<string, string>> {
  const moduleDir = join(REPO, 'node_modules/better-sqlite3');
  const binary = join(moduleDir, 'build/Release/better_sqlite3.node');
  const installed = existsSync(binary)
    ? (JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')) as { version: string })
    : undefined;
  if (!installed || installed.version !== coreManifest.dependencies?.['better-sqlite3']) return {};
  const name = `better-sqlite3-v${installed.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await run(
    'tar',
    ['-czf', join(folder, name), '-C', moduleDir, 'build/Release/better_sqlite3.node'],
    {
      cwd: REPO,
    },
  );
  return { npm_config_better_sqlite3_local_prebuilds: folder };
}

/**
 * A consumer's package.json: the tarballs as `file:` dependencies (overrides
 * make every package's dependency on a sibling resolve to its tarball too,
 * never to a registry), third-party dependencies at the versions the example
 * pins, and TypeScript to compile the example against the published types.
 */
export function writeConsumerManifest(
  projectDir: string,
  tarballs: { name: string; path: string }[],
  thirdParty: Record<string, string>,
  devDependencies: Record<string, string>,
) {
  const ours = Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.path}`]));
  const manifest = {
    name: 'aldea-consumer',
    private: true,
    type: 'module',
    dependencies: { ...thirdParty, ...ours },
    devDependencies,
    overrides: Object.fromEntries(tarballs.map((t) => [t.name, `$${t.name}`])),
    allowScripts: { 'better-sqlite3': true, esbuild: true },
  };
  writeFileSync(join(projectDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The consumer's tsconfig: strict NodeNext, as a new TypeScript project would have it. */
export function writeConsumerTsconfig(projectDir: string) {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      skipLibCheck: true,
      outDir: 'dist',
      rootDir: 'src',
      types: ['node'],
    },
    include: ['src'],
  };
  writeFileSync(join(projectDir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

/** A started server: where it listens, and how to stop it. */
export interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `node file` and resolves with the URL once it prints `listening on http://…`. */
export function startNode(
  file: string,
  opts: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<Started> {
  const child = spawn(process.execPath, [file], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "listening on" within ${opts.timeoutMs} ms:\n${output}`));
    }, opts.timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before listening:\n${output}`));
    });
  });
}

/** Resolves with the exit code once `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
