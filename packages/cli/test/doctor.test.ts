import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importEcbRates, openSqlite, platformContext } from '@aldea/core';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayAgo, ecbXml, SAMPLE_RATES } from './support/ecb-xml.js';
import { makeMigratedDb } from './support/migrated-db.js';
import { type RunResult, runAldea, workspace, workspaceWith } from './support/run-aldea.js';

let template: string;
beforeAll(async () => {
  template = await makeMigratedDb();
});

interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail' | 'skip';
  message: string;
}

function checks(r: RunResult): Record<string, Check> {
  const out = JSON.parse(r.stdout) as { ok: boolean; checks: Check[] };
  return Object.fromEntries(out.checks.map((c) => [c.name, c]));
}

async function withRates(db: string, day: string) {
  const handle = openSqlite({ file: db });
  await importEcbRates(platformContext(handle), { xml: ecbXml(day, SAMPLE_RATES) });
  await handle.close();
}

describe('aldea doctor', () => {
  it('passes a healthy installation (exit 0), warning only about what is optional', async () => {
    const ws = workspaceWith(template);
    mkdirSync(join(ws.dir, 'data', 'media'));
    await withRates(ws.db, dayAgo(1));
    const r = await runAldea(['doctor', '--json'], { cwd: ws.dir });
    expect(r.code).toBe(0);
    const c = checks(r);
    for (const name of ['config', 'database', 'disk', 'media', 'connection', 'migrations', 'fx']) {
      expect(c[name]?.status, `${name}: ${c[name]?.message}`).toBe('ok');
    }
    expect(c.integrations?.status).toBe('warn'); // no public URL, no Stripe, no SMTP
    expect(c.fx?.message).toContain('5 pairs');
  });

  it('fails on a missing database and skips what needs one (exit 1)', async () => {
    const ws = workspace();
    const r = await runAldea(['doctor', '--json'], { cwd: ws.dir });
    expect(r.code).toBe(1);
    const c = checks(r);
    expect(c.database).toMatchObject({ status: 'fail' });
    expect(c.database?.message).toContain('create it with `aldea migrate`');
    expect(c.migrations?.status).toBe('skip');
    expect(c.media?.status).toBe('warn');
  });

  it('fails on pending migrations, naming them', async () => {
    const ws = workspaceWith(template);
    const raw = new BetterSqlite3(ws.db);
    raw.exec(
      'delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)',
    );
    raw.close();
    const r = await runAldea(['doctor'], { cwd: ws.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[FAIL\] migrations\s+1 pending \(\w+\): run `aldea migrate`/);
    expect(r.stderr).toContain('failing checks: migrations');
  });

  it('warns about stale FX rates and fails on rates too old to use', async () => {
    const stale = workspaceWith(template);
    await withRates(stale.db, dayAgo(7));
    const warned = await runAldea(['doctor', '--json'], { cwd: stale.dir });
    expect(checks(warned).fx?.status).toBe('warn');

    const old = workspaceWith(template);
    await withRates(old.db, dayAgo(20));
    const failed = await runAldea(['doctor', '--json'], { cwd: old.dir });
    expect(failed.code).toBe(1);
    expect(checks(failed).fx).toMatchObject({ status: 'fail' });
    // The limits are settings: with a longer hard limit the same rates only warn.
    const relaxed = await runAldea(['doctor', '--json'], {
      cwd: old.dir,
      env: { ALDEA_FX_MAX_AGE_HOURS: '720' },
    });
    expect(checks(relaxed).fx?.status).toBe('warn');
  });

  it('reports a wrong configuration as a failing check, naming the setting', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(['doctor', '--json'], {
      cwd: ws.dir,
      env: { ALDEA_MEDIA_DIR: '', ALDEA_PUBLIC_URL: 'ftp://example.org' },
    });
    expect(r.code).toBe(1);
    expect(checks(r).config?.message).toContain('ALDEA_PUBLIC_URL (environment)');
  });

  it('fails when the media directory is a file', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(['doctor', '--json'], {
      cwd: ws.dir,
      env: { ALDEA_MEDIA_DIR: join(ws.db) },
    });
    expect(r.code).toBe(1);
    expect(checks(r).media?.status).toBe('fail');
  });
});
