/**
 * The library works outside this repository: build every package, pack it as
 * `npm publish` would, install the tarballs into a fresh project in a temporary
 * folder (no workspace links; third-party packages from the registry), compile
 * the embed example there against the published type declarations, run it, and
 * use it over HTTP. Slow (minutes): its own Vitest project, `packaging`.
 */
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exited,
  outsideEnv,
  type PackedTarball,
  packAll,
  publishablePackages,
  REPO,
  reuseSqliteBuild,
  run,
  type Started,
  startNode,
  type WorkspacePackage,
  writeConsumerManifest,
  writeConsumerTsconfig,
} from './consumer-project.js';

const EXAMPLE = join(REPO, 'examples/embed');

let temp: string;
let project: string;
let packages: WorkspacePackage[];
let packed: PackedTarball[];
let server: Started | undefined;
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round((Date.now() - started) / 100) / 10;
  }
}

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'aldea-packaging-'));
  project = join(temp, 'consumer');
  const tarballDir = join(temp, 'tarballs');
  const prebuilds = join(temp, 'prebuilds');
  for (const dir of [project, tarballDir, prebuilds]) mkdirSync(dir);

  packages = publishablePackages();
  const turbo = join(REPO, 'node_modules/.bin/turbo');
  await timed('build', () =>
    run(turbo, ['run', 'build', '--output-logs=errors-only'], { cwd: REPO }),
  );
  packed = await timed('pack', () => packAll(packages, tarballDir));

  const example = JSON.parse(readFileSync(join(EXAMPLE, 'package.json'), 'utf8'));
  const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const thirdParty = Object.fromEntries(
    Object.entries(example.dependencies as Record<string, string>).filter(
      ([name]) => !name.startsWith('@aldea/'),
    ),
  );
  writeConsumerManifest(
    project,
    packed.map((t) => ({ name: t.name, path: join(tarballDir, t.filename) })),
    thirdParty,
    {
      typescript: root.devDependencies.typescript,
      '@types/node': root.devDependencies['@types/node'],
    },
  );
  const core = packages.find((p) => p.name === '@aldea/core')!;
  const sqlite = await reuseSqliteBuild(
    JSON.parse(readFileSync(join(core.dir, 'package.json'), 'utf8')),
    prebuilds,
  );
  await timed('install', () =>
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: project,
      env: outsideEnv(sqlite),
    }),
  );

  cpSync(join(EXAMPLE, 'src'), join(project, 'src'), { recursive: true });
  writeConsumerTsconfig(project);
  await timed('tsc', () =>
    run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { cwd: project }),
  );
});

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await exited(server.child);
  }
  if (temp) rmSync(temp, { recursive: true, force: true });
  console.log(`packaging timings (s): ${JSON.stringify(timings)}`);
});

describe('the packed tarballs', () => {
  it('hold the compiled code, declarations and assets, and no sources or tests', () => {
    expect(packed.map((t) => t.name).sort()).toEqual(packages.map((p) => p.name).sort());
    for (const tarball of packed) {
      const files = tarball.files.map((f) => f.path);
      expect(files, tarball.name).toContain('dist/index.js');
      expect(files, tarball.name).toContain('dist/index.d.ts');
      expect(
        files.filter((f) => f.startsWith('src/')),
        tarball.name,
      ).toEqual([]);
      expect(
        files.filter((f) => /\.test\.|tsconfig|vitest/.test(f)),
        tarball.name,
      ).toEqual([]);
    }
  });

  it('hold every file their exports map and bin promise', () => {
    for (const pkg of packages) {
      const files = new Set(packed.find((t) => t.name === pkg.name)!.files.map((f) => f.path));
      const targets = JSON.stringify([pkg.manifest.exports, pkg.manifest.bin]).match(
        /"\.\/[^"]+"/g,
      );
      for (const target of targets ?? []) {
        const path = target.slice(3, -1);
        if (path.startsWith('src/') || path === 'package.json') continue; // aldea-source: the repo only
        expect(files.has(path), `${pkg.name}: ${path}`).toBe(true);
      }
    }
  });

  it('ship core with every migration, and the web apps with their stylesheets', () => {
    const files = (name: string) => packed.find((t) => t.name === name)!.files.map((f) => f.path);
    const migrations = readFileSync(join(REPO, 'migrations/meta/_journal.json'), 'utf8');
    for (const { tag } of JSON.parse(migrations).entries as { tag: string }[]) {
      expect(files('@aldea/core')).toContain(`migrations/${tag}.sql`);
    }
    expect(files('@aldea/core')).toContain('migrations/meta/_journal.json');
    expect(files('@aldea/core').filter((f) => f.endsWith('_snapshot.json'))).toEqual([]);
    expect(files('@aldea/storefront')).toEqual(expect.arrayContaining(['dist/assets/app.css']));
    expect(files('@aldea/admin')).toEqual(
      expect.arrayContaining(['dist/assets/admin.css', 'dist/assets/admin.js']),
    );
  });
});

describe('a fresh project with the tarballs installed', () => {
  it('resolves each package to its own installed copy, not to this repository', async () => {
    for (const pkg of packages) {
      const dir = join(project, 'node_modules', pkg.name);
      expect(lstatSync(dir).isSymbolicLink(), pkg.name).toBe(false);
    }
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', "console.log(import.meta.resolve('@aldea/core'))"],
      { cwd: project },
    );
    expect(stdout.trim()).toBe(`file://${project}/node_modules/@aldea/core/dist/index.js`);
  });

  it('compiled the example against the published types', () => {
    expect(existsSync(join(project, 'dist/server.js'))).toBe(true);
  });

  it('runs the compiled aldea command', async () => {
    const aldea = join(project, 'node_modules/.bin/aldea');
    const env = outsideEnv({ ALDEA_DATABASE: join(project, 'cli.db') });
    expect((await run(aldea, ['--version'], { cwd: project, env })).stdout.trim()).toBe('0.1.0');
    await run(aldea, ['migrate'], { cwd: project, env });
    expect(existsSync(join(project, 'cli.db'))).toBe(true);
  });

  it('runs the embed example and serves it over HTTP', async () => {
    server = await timed('start', () =>
      startNode('dist/server.js', {
        cwd: project,
        env: outsideEnv({ MARKET_PORT: '0', MARKET_DATABASE: join(project, 'data/market.db') }),
        timeoutMs: 60_000,
      }),
    );
    const get = async (path: string) => {
      const res = await fetch(`${server!.url}${path}`);
      return { status: res.status, body: await res.text() };
    };

    expect(await get('/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    const product = await get('/s/casa-barro/p/jarro-barro-negro?lang=en&currency=USD');
    expect(product.status).toBe(200);
    expect(product.body).toContain('<span class="price">$34.99</span>');
    const sheet = /href="(\/assets\/theme\.[0-9a-f]+\.css)"/.exec(product.body)?.[1];
    expect((await get(sheet ?? '/missing')).body).toContain('--accent:#0b5a5a');
    expect((await get('/assets/app.css')).status).toBe(404); // only fingerprinted names
    const login = await get('/admin/login');
    expect(login.status).toBe(200);
    expect(login.body).toContain('Mercado Tlaloc');
    const openapi = await get('/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(JSON.parse(openapi.body).openapi).toMatch(/^3\.1/);
    // Its own database path, migrated from the migrations inside @aldea/core.
    expect(existsSync(join(project, 'data/market.db'))).toBe(true);

    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  });
});
