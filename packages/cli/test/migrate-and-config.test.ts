import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectDatabaseFile } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { json, runAldea, workspace } from './support/run-aldea.js';

describe('aldea migrate', () => {
  it('creates the database, applies every migration, then has nothing to do', async () => {
    const ws = workspace();
    const first = await runAldea(['migrate', '--json'], { cwd: ws.dir });
    expect(first.code).toBe(0);
    const out = json<{ database: string; applied: string[] }>(first);
    expect(out.database).toBe(ws.db);
    expect(out.applied.length).toBeGreaterThan(0);
    expect(inspectDatabaseFile(ws.db).migrations.upToDate).toBe(true);

    const again = await runAldea(['migrate'], { cwd: ws.dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is up to date');
  });

  it('exits 6 naming the path when the database location cannot be written', async () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'a-file'), 'not a directory');
    const target = join(ws.dir, 'a-file', 'aldea.db');
    const r = await runAldea(['migrate'], { cwd: ws.dir, env: { ALDEA_DATABASE: target } });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`cannot open the database at ${target}`);
    expect(r.stderr).toContain('not a directory');
  });

  it('exits 3 on a file that is not a database, and leaves it alone', async () => {
    const ws = workspace();
    mkdirSync(join(ws.dir, 'data'));
    writeFileSync(ws.db, 'x'.repeat(5000));
    const r = await runAldea(['migrate'], { cwd: ws.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('not a SQLite database');
  });
});

describe('configuration', () => {
  it('refuses a wrong setting before anything runs, naming it (exit 3)', async () => {
    const ws = workspace();
    const r = await runAldea(['migrate'], { cwd: ws.dir, env: { PORT: 'eighty' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('PORT (environment): expected a whole number from 0 to 65535');
    expect(existsSync(ws.db)).toBe(false);
  });

  it('names a missing setting that another one requires', async () => {
    const ws = workspace();
    const r = await runAldea(['migrate', '--json'], {
      cwd: ws.dir,
      env: { STRIPE_SECRET_KEY: 'sk_test_abc123' },
    });
    expect(r.code).toBe(3);
    const { error } = JSON.parse(r.stderr) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((i) => i.path)).toEqual(['stripeWebhookSecret']);
    expect(existsSync(ws.db)).toBe(false);
  });

  it('reads aldea.config.json, lets the environment win, and masks secrets', async () => {
    const ws = workspace();
    writeFileSync(
      join(ws.dir, 'aldea.config.json'),
      JSON.stringify({ database: 'shop.db', port: 4000, stripeSecretKey: 'sk_test_abcdef' }),
    );
    const r = await runAldea(['config', '--json'], {
      cwd: ws.dir,
      env: { PORT: '5000', STRIPE_WEBHOOK_SECRET: 'whsec_zyx' },
    });
    expect(r.code).toBe(0);
    const out = json<{ config: Record<string, unknown>; sources: Record<string, string> }>(r);
    expect(out.config).toMatchObject({ database: join(ws.dir, 'shop.db'), port: 5000 });
    expect(out.sources).toMatchObject({ database: 'file', port: 'env', host: 'default' });
    expect(r.stdout).not.toContain('abcdef');
    expect(out.config.stripeSecretKey).toBe('********');
  });

  it('exits 4 for a config file named but missing, 3 for one that is not JSON', async () => {
    const ws = workspace();
    const missing = await runAldea(['--config', 'nope.json', 'config'], { cwd: ws.dir });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('configuration file not found');
    writeFileSync(join(ws.dir, 'aldea.config.json'), '{ "port": 3000, }');
    const broken = await runAldea(['config'], { cwd: ws.dir });
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('warns about a misspelt variable and lets a flag override the database', async () => {
    const ws = workspace();
    const r = await runAldea(['--database', 'other.db', 'config'], {
      cwd: ws.dir,
      env: { ALDEA_DATABSE: 'x.db' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('did you mean ALDEA_DATABASE?');
    expect(r.stdout).toMatch(
      new RegExp(`database\\s+ALDEA_DATABASE\\s+${join(ws.dir, 'other.db')}\\s+flag`),
    );
  });
});
