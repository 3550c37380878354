import { isAldeaError, type LoadedConfig, migrationStatus } from '@aldea/core';
import type { Command } from 'commander';
import {
  type CheckResult,
  checkDatabaseFile,
  checkDisk,
  checkFx,
  checkIntegrations,
  checkMediaDir,
  checkMigrations,
  checkReachable,
} from '../doctor/checks.js';
import { CliError, EXIT } from '../exit-codes.js';
import { type CliIo, printResult } from '../io.js';
import { loadCliConfig, openDatabase } from '../runtime.js';

const MARK = { ok: ' ok ', warn: 'WARN', fail: 'FAIL', skip: 'skip' } as const;

function describeSources(loaded: LoadedConfig): string {
  const from = new Set(Object.values(loaded.sources));
  const parts = [loaded.file ?? 'no config file'];
  if (from.has('env')) parts.push('environment');
  if (from.has('flag')) parts.push('flags');
  return parts.join(' + ');
}

/** Runs every check; a configuration that does not load is itself a failing check. */
export async function runChecks(io: CliIo, cmd: Command): Promise<CheckResult[]> {
  let loaded: LoadedConfig;
  try {
    loaded = loadCliConfig(io, cmd);
  } catch (err) {
    if (!isAldeaError(err)) throw err;
    return [{ name: 'config', status: 'fail', message: err.message }];
  }
  const { config } = loaded;
  const checks: CheckResult[] = [
    {
      name: 'config',
      status: loaded.warnings.length ? 'warn' : 'ok',
      message: [describeSources(loaded), ...loaded.warnings].join('; '),
    },
  ];
  const file = checkDatabaseFile(config);
  checks.push(file.result);
  checks.push(checkDisk(config, file.report?.bytes ?? 0));
  checks.push(checkMediaDir(config));
  checks.push(checkIntegrations(config));
  if (!file.report || file.result.status === 'fail') {
    for (const name of ['connection', 'migrations', 'fx']) {
      checks.push({ name, status: 'skip', message: 'needs a working database' });
    }
    return checks;
  }
  const db = openDatabase(config);
  try {
    checks.push(await checkReachable(db));
    const migrations = checkMigrations(await migrationStatus(db));
    checks.push(migrations);
    checks.push(
      migrations.status === 'ok'
        ? await checkFx(db, config)
        : { name: 'fx', status: 'skip', message: 'needs an up-to-date schema' },
    );
  } finally {
    await db.close();
  }
  return checks;
}

/** `aldea doctor`: prints the checks; fails (exit 1) when one fails. */
export async function doctor(io: CliIo, cmd: Command, opts: { json?: boolean }): Promise<void> {
  const checks = await runChecks(io, cmd);
  const ok = checks.every((c) => c.status !== 'fail');
  const lines = checks.map((c) => `[${MARK[c.status]}] ${c.name.padEnd(12)} ${c.message}`);
  printResult(io, opts.json, { ok, checks }, lines.join('\n'));
  if (!ok) {
    const failed = checks.filter((c) => c.status === 'fail').map((c) => c.name);
    throw new CliError(EXIT.FAILURE, `doctor: failing checks: ${failed.join(', ')}`);
  }
}
