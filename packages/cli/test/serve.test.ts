import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inspectDatabaseFile } from '@aldea/core';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeMigratedDb } from './support/migrated-db.js';
import { finished, runAldea, spawnAldea, workspace, workspaceWith } from './support/run-aldea.js';

let template: string;
beforeAll(async () => {
  template = await makeMigratedDb();
});

// A server a failed test left running is stopped, never orphaned.
const servers: ChildProcess[] = [];
afterEach(() => {
  for (const child of servers.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function serve(args: string[], cwd: string): ChildProcess {
  const child = spawnAldea(['serve', '--port', '0', '--json', ...args], { cwd });
  servers.push(child);
  return child;
}

/** Resolves with the start-up line once `aldea serve --json` listens. */
function listening(child: ChildProcess): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve(JSON.parse(line) as { url: string; port: number });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening`)));
  });
}

describe('aldea serve', () => {
  it('serves the storefront, the admin and /healthz, stays online for a backup, stops on SIGTERM', async () => {
    const ws = workspaceWith(template);
    const child = serve([], ws.dir);
    const done = finished(child);
    const { url } = await listening(child);
    try {
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toContain('text/html');
      const admin = await fetch(`${url}/admin`, { redirect: 'manual' });
      expect([200, 302, 303]).toContain(admin.status);

      const backup = await runAldea(['backup', 'live.db'], { cwd: ws.dir });
      expect(backup.code, backup.stderr).toBe(0);
      expect(inspectDatabaseFile(join(ws.dir, 'live.db')).intact).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('SIGTERM: stopping');
  });

  it('refuses to start on a database with pending migrations (exit 1)', async () => {
    const ws = workspaceWith(template);
    const raw = new BetterSqlite3(ws.db);
    raw.exec(
      'delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)',
    );
    raw.close();
    const r = await runAldea(['serve', '--port', '0'], { cwd: ws.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('needs 1 migration(s)');
    expect(r.stderr).toContain('run `aldea migrate`');
  });

  it('exits 1 naming the port when it is taken, and 3 for a bad --port', async () => {
    const ws = workspaceWith(template);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const taken = await runAldea(['serve', '--port', String(port)], { cwd: ws.dir });
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
    const bad = await runAldea(['serve', '--port', 'http'], { cwd: ws.dir });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--port (command line): expected a whole number');
  });

  it('creates and migrates a new database with --migrate', async () => {
    const ws = workspace();
    const child = serve(['--migrate', '--no-jobs'], ws.dir);
    const done = finished(child);
    const { url } = await listening(child);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
    expect(inspectDatabaseFile(ws.db).migrations.upToDate).toBe(true);
  });
});
