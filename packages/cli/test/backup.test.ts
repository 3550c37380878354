import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectDatabaseFile, listVillages, openSqlite, platformContext } from '@aldea/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeMigratedDb } from './support/migrated-db.js';
import {
  cleanEnv,
  finished,
  json,
  NODE_ARGS,
  runAldea,
  workspace,
  workspaceWith,
} from './support/run-aldea.js';

const WRITER = fileURLToPath(new URL('./support/writer.ts', import.meta.url));

let template: string;
beforeAll(async () => {
  template = await makeMigratedDb();
});

// A writer a failed test left running is stopped, never orphaned.
const writers: ChildProcess[] = [];
afterEach(() => {
  for (const child of writers.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the writer and resolves once it has prefilled and is writing. */
async function startWriter(db: string, prefill: number) {
  const child = spawn(process.execPath, [...NODE_ARGS, WRITER, db, String(prefill)], {
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  writers.push(child);
  const done = finished(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
  return { child, done };
}

async function stopWriter(w: { child: ChildProcess; done: ReturnType<typeof finished> }) {
  w.child.kill('SIGTERM');
  const r = await w.done;
  expect(r.stderr).toBe('');
  return Number(/stopped (\d+)/.exec(r.stdout)?.[1]);
}

describe('aldea backup while another process writes', () => {
  it('copies a consistent snapshot that restores to an identical database', async () => {
    const ws = workspaceWith(template);
    const writer = await startWriter(ws.db, 1500);
    const backupFile = join(ws.dir, 'snapshot.db');
    const backup = await runAldea(['backup', backupFile, '--json'], { cwd: ws.dir });
    const written = await stopWriter(writer);
    expect(backup.code, backup.stderr).toBe(0);
    expect(json(backup)).toMatchObject({ file: backupFile, database: ws.db });

    const report = inspectDatabaseFile(backupFile);
    expect(report.intact).toBe(true);
    const villages = report.rowCounts.villages!;
    // Every committed command is whole, and nothing after the snapshot's moment is in it.
    expect(report.rowCounts.village_texts).toBe(villages);
    // The writer was busy on both sides of the snapshot's moment.
    expect(villages).toBeGreaterThan(1500);
    expect(villages).toBeLessThan(written);

    // Restore it elsewhere: the same rows, table by table, and an intact, migrated file.
    const target = workspace();
    const restore = await runAldea(['restore', backupFile, '--json'], { cwd: target.dir });
    expect(restore.code, restore.stderr).toBe(0);
    const restored = inspectDatabaseFile(target.db);
    expect(restored.intact).toBe(true);
    expect(restored.migrations.upToDate).toBe(true);
    expect(restored.rowCounts).toEqual(report.rowCounts);

    // …and the snapshot is a prefix of what the writer committed: w-1 … w-N, no gaps.
    const db = openSqlite({ file: target.db });
    const slugs = new Set((await listVillages(platformContext(db))).map((v) => v.slug));
    await db.close();
    expect(slugs.size).toBe(villages);
    for (let i = 1; i <= villages; i++) expect(slugs.has(`w-${i}`)).toBe(true);
  });
});

describe('aldea backup', () => {
  it('refuses a target that exists (exit 5) without touching it', async () => {
    const ws = workspaceWith(template);
    const target = join(ws.dir, 'taken.db');
    writeFileSync(target, 'yesterday’s backup');
    const r = await runAldea(['backup', target], { cwd: ws.dir });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`backup target already exists: ${target}`);
    expect(readFileSync(target, 'utf8')).toBe('yesterday’s backup');
  });

  it('draws a progress bar when asked, and exits 4 for a missing database or directory', async () => {
    const ws = workspaceWith(template);
    const ok = await runAldea(['--progress', 'always', 'backup', 'b.db'], { cwd: ws.dir });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/Backing up \[.*\] 100% \| (\d+)\/\1 pages/);
    expect(ok.stdout).toContain(`Backed up ${ws.db} to ${join(ws.dir, 'b.db')}`);

    const noDir = await runAldea(['backup', 'no/such/dir/b.db'], { cwd: ws.dir });
    expect(noDir.code).toBe(4);
    expect(noDir.stderr).toContain('directory');

    const empty = workspace();
    const noDb = await runAldea(['backup', 'b.db'], { cwd: empty.dir });
    expect(noDb.code).toBe(4);
    expect(noDb.stderr).toContain(`no database at ${empty.db}`);
  });
});

describe('aldea restore', () => {
  it('replaces an existing database only with --force, never while it is in use', async () => {
    const source = workspaceWith(template);
    const backupFile = join(source.dir, 'b.db');
    expect((await runAldea(['backup', backupFile], { cwd: source.dir })).code).toBe(0);

    const ws = workspaceWith(template);
    const noForce = await runAldea(['restore', backupFile], { cwd: ws.dir });
    expect(noForce.code).toBe(5);
    expect(noForce.stderr).toContain('a database already exists');

    const writer = await startWriter(ws.db, 0);
    const inUse = await runAldea(['restore', backupFile, '--force'], { cwd: ws.dir });
    const written = await stopWriter(writer);
    expect(inUse.code).toBe(5);
    expect(inUse.stderr).toContain('is in use');
    expect(inspectDatabaseFile(ws.db).rowCounts.villages).toBe(written);

    const forced = await runAldea(['restore', backupFile, '--force'], { cwd: ws.dir });
    expect(forced.code).toBe(0);
    expect(inspectDatabaseFile(ws.db).rowCounts.villages).toBe(0);
  });

  it('refuses a damaged backup, a file that is not one, and a missing one', async () => {
    const ws = workspace();
    mkdirSync(join(ws.dir, 'data'));
    const bytes = readFileSync(template);
    bytes.fill(0x55, 4096 * 3, 4096 * 6);
    writeFileSync(join(ws.dir, 'damaged.db'), bytes);
    writeFileSync(join(ws.dir, 'notes.txt'), 'remember the milk\n'.repeat(300));

    const damaged = await runAldea(['restore', 'damaged.db'], { cwd: ws.dir });
    expect(damaged.code).toBe(3);
    const text = await runAldea(['restore', 'notes.txt', '--json'], { cwd: ws.dir });
    expect(text.code).toBe(3);
    expect(JSON.parse(text.stderr).error.message).toContain('is not a SQLite database');
    const missing = await runAldea(['restore', 'gone.db'], { cwd: ws.dir });
    expect(missing.code).toBe(4);
    // Nothing was created where the database would go.
    expect(() => readFileSync(ws.db)).toThrow();
  });
});
