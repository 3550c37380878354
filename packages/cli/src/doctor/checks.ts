import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type AldeaConfig,
  type Database,
  type DatabaseFileReport,
  inspectDatabaseFile,
  listLatestRates,
  type MigrationStatus,
  platformContext,
} from '@aldea/core';

/** One line of `aldea doctor`. `warn` does not fail the run; `fail` does. */
export interface CheckResult {
  name: string;
  status: 'ok' | 'warn' | 'fail' | 'skip';
  message: string;
}

const MIB = 1024 * 1024;
const HOUR = 3_600_000;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;

/** The database file: present, a SQLite file, intact. */
export function checkDatabaseFile(config: AldeaConfig): {
  result: CheckResult;
  report?: DatabaseFileReport;
} {
  const name = 'database';
  if (!existsSync(config.database)) {
    return {
      result: {
        name,
        status: 'fail',
        message: `no database at ${config.database}; create it with \`aldea migrate\``,
      },
    };
  }
  try {
    const report = inspectDatabaseFile(config.database);
    if (!report.intact) {
      return {
        result: {
          name,
          status: 'fail',
          message: `integrity check failed: ${report.problems.slice(0, 3).join('; ')}; restore the latest backup`,
        },
        report,
      };
    }
    return {
      result: {
        name,
        status: 'ok',
        message: `${config.database} (${mib(report.bytes)}), integrity ok`,
      },
      report,
    };
  } catch (err) {
    return { result: { name, status: 'fail', message: (err as Error).message } };
  }
}

/** Migrations: every shipped one applied, none unknown. */
export function checkMigrations(status: MigrationStatus): CheckResult {
  const name = 'migrations';
  if (status.unknown > 0) {
    return {
      name,
      status: 'fail',
      message: `${status.unknown} migration(s) from a newer version of Aldea: upgrade aldea`,
    };
  }
  if (status.pending.length > 0) {
    return {
      name,
      status: 'fail',
      message: `${status.pending.length} pending (${status.pending.join(', ')}): run \`aldea migrate\``,
    };
  }
  return { name, status: 'ok', message: `up to date (${status.applied}, latest ${status.latest})` };
}

/** A live read through the same connection setup the server uses. */
export async function checkReachable(db: Database): Promise<CheckResult> {
  const started = performance.now();
  try {
    await listLatestRates(platformContext(db));
    const ms = (performance.now() - started).toFixed(0);
    return { name: 'connection', status: 'ok', message: `opened and answered in ${ms} ms` };
  } catch (err) {
    return { name: 'connection', status: 'fail', message: (err as Error).message };
  }
}

/** Free space where the database lives: room to grow and to take a backup beside it. */
export function checkDisk(config: AldeaConfig, databaseBytes: number): CheckResult {
  const name = 'disk';
  let dir = dirname(config.database);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  const needed = Math.max(100 * MIB, 2 * databaseBytes);
  if (free < Math.max(50 * MIB, databaseBytes)) {
    return {
      name,
      status: 'fail',
      message: `only ${mib(free)} free in ${dir}: not even room for a backup`,
    };
  }
  if (free < needed) {
    return {
      name,
      status: 'warn',
      message: `${mib(free)} free in ${dir}; keep at least ${mib(needed)}`,
    };
  }
  return { name, status: 'ok', message: `${mib(free)} free in ${dir}` };
}

/** The media directory: present (or creatable) and writable. */
export function checkMediaDir(config: AldeaConfig): CheckResult {
  const name = 'media';
  const dir = config.mediaDir;
  if (!existsSync(dir)) {
    let parent = dirname(dir);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    try {
      accessSync(parent, constants.W_OK);
      return { name, status: 'warn', message: `${dir} does not exist yet (it will be created)` };
    } catch {
      return {
        name,
        status: 'fail',
        message: `${dir} does not exist and ${parent} is not writable`,
      };
    }
  }
  const probe = join(dir, `.aldea-doctor-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, 'ok');
    return { name, status: 'ok', message: `${dir} is writable` };
  } catch (err) {
    return { name, status: 'fail', message: `${dir} is not writable: ${(err as Error).message}` };
  } finally {
    try {
      rmSync(probe, { force: true });
    } catch {
      // The write failed, so there is nothing to remove.
    }
  }
}

/** FX rates: present, and the newest of each pair within the configured ages. */
export async function checkFx(db: Database, config: AldeaConfig): Promise<CheckResult> {
  const name = 'fx';
  const rates = await listLatestRates(platformContext(db), {
    staleness: {
      flagAfterMs: config.fxStaleAfterHours * HOUR,
      refuseAfterMs: config.fxMaxAgeHours * HOUR,
    },
  });
  if (rates.length === 0) {
    return {
      name,
      status: 'warn',
      message: 'no FX rates: buyers see only fixed prices; run `aldea fx import --ecb`',
    };
  }
  const tooOld = rates.filter((r) => r.freshness === 'too_old');
  const stale = rates.filter((r) => r.freshness === 'stale');
  const newest = rates.reduce((a, b) => (a.asOf > b.asOf ? a : b));
  const age = `${Math.round(newest.ageMs / HOUR)} h`;
  const day = newest.asOf.toISOString().slice(0, 10);
  if (tooOld.length > 0) {
    const pairs = tooOld
      .slice(0, 5)
      .map((r) => `${r.base}/${r.quote}`)
      .join(', ');
    return {
      name,
      status: 'fail',
      message: `${tooOld.length} rate(s) older than ${config.fxMaxAgeHours} h are no longer used (${pairs}…); run \`aldea fx import --ecb\``,
    };
  }
  if (stale.length > 0) {
    return {
      name,
      status: 'warn',
      message: `${stale.length} rate(s) older than ${config.fxStaleAfterHours} h; newest from ${day} (${age} old)`,
    };
  }
  return { name, status: 'ok', message: `${rates.length} pairs, newest from ${day} (${age} old)` };
}

/** Which optional integrations are configured (never a failure: each has a fallback). */
export function checkIntegrations(config: AldeaConfig): CheckResult {
  const parts = [
    config.stripeSecretKey
      ? `Stripe ${config.stripeSecretKey.includes('_live_') ? 'live' : 'test'} mode`
      : 'no Stripe key (manual payment methods only)',
    config.smtpUrl ? 'SMTP configured' : 'no SMTP (emails wait in the outbox)',
    config.publicUrl
      ? `public URL ${config.publicUrl}`
      : 'no public URL (set ALDEA_PUBLIC_URL for links in emails and payment redirects)',
  ];
  const status = config.publicUrl ? 'ok' : 'warn';
  return { name: 'integrations', status, message: parts.join('; ') };
}
