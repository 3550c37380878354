import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { memoryIo } from './support/memory-io.js';
import { cleanEnv, finished, runAldea, workspace } from './support/run-aldea.js';

const COMMANDS = [
  ['serve'],
  ['migrate'],
  ['seed'],
  ['village', 'create'],
  ['village', 'list'],
  ['shop', 'create'],
  ['shop', 'list'],
  ['user', 'create'],
  ['import'],
  ['import', 'sellers'],
  ['import', 'products'],
  ['token', 'create'],
  ['token', 'list'],
  ['token', 'revoke'],
  ['fx', 'import'],
  ['fx', 'set'],
  ['fx', 'list'],
  ['payments', 'reconcile'],
  ['backup'],
  ['restore'],
  ['doctor'],
  ['config'],
];

describe('help (in-process)', () => {
  it.each(COMMANDS)('%s %s --help shows an example', async (...command) => {
    const m = memoryIo();
    const code = await runCli([...command, '--help'], m.io);
    expect(code).toBe(0);
    expect(m.stdout()).toContain(`Usage: aldea ${command.join(' ')}`);
    expect(m.stdout()).toMatch(/Examples?:\n {2}\$ aldea /);
  });

  it('lists every command and the exit codes in the main help', async () => {
    const m = memoryIo();
    expect(await runCli(['--help'], m.io)).toBe(0);
    for (const [name] of COMMANDS) expect(m.stdout()).toContain(`  ${name}`);
    expect(m.stdout()).toContain('Exit codes:');
  });

  it('offers --json on every command that prints data', async () => {
    for (const command of COMMANDS) {
      const m = memoryIo();
      await runCli([...command, '--help'], m.io);
      expect(m.stdout(), command.join(' ')).toContain('--json');
    }
  });
});

describe('usage errors (real processes)', () => {
  it('prints the help and exits 2 with no command', async () => {
    const r = await runAldea([], { cwd: workspace().dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: aldea');
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['migrate', '--frobnicate'], "unknown option '--frobnicate'"],
    [['backup'], "missing required argument 'file'"],
    [['fx', 'import'], "required option '--ecb [file|url]' not specified"],
    [['user', 'create', '--name', 'A', '--role', 'king'], "argument 'king' is invalid"],
    [['backup', 'a.db', 'b.db'], 'too many arguments'],
    [['import', 'orders', 'x.csv'], "unknown command 'orders'"],
  ])('aldea %j exits 2: %s', async (args, message) => {
    const ws = workspace();
    const r = await runAldea(args, { cwd: ws.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('suggests the command meant', async () => {
    const r = await runAldea(['migrat'], { cwd: workspace().dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(Did you mean migrate?)');
  });

  it('prints the version', async () => {
    const r = await runAldea(['--version'], { cwd: workspace().dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the installed bin', () => {
  it('runs as `npx aldea` from the repository root through its shebang', async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const child = spawn(join(root, 'node_modules', '.bin', 'aldea'), ['--help'], {
      cwd: root,
      env: cleanEnv(),
    });
    const r = await finished(child);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: aldea [options] [command]');
  });
});
