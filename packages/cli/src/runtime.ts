import { existsSync } from 'node:fs';
import {
  type AldeaConfig,
  type Database,
  type LoadedConfig,
  loadConfig,
  migrationStatus,
  type OperatorContext,
  openSqlite,
  operatorContext,
  platformContext,
  type SettingKey,
} from '@aldea/core';
import type { Command } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import type { ProgressMode } from './progress.js';

/** Options every command accepts (declared on the program). */
export interface GlobalOptions {
  config?: string;
  database?: string;
  mediaDir?: string;
  progress?: ProgressMode;
}

/** The global options of the command being run. */
export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

/**
 * Loads and validates the configuration before a command does anything
 * (flags > environment > aldea.config.json > defaults); warnings go to stderr.
 */
export function loadCliConfig(
  io: CliIo,
  cmd: Command,
  flags: Partial<Record<SettingKey, unknown>> = {},
): LoadedConfig {
  const g = globalOptions(cmd);
  const loaded = loadConfig({
    env: io.env,
    cwd: io.cwd,
    ...(g.config ? { file: g.config } : {}),
    flags: { database: g.database, mediaDir: g.mediaDir, ...flags },
  });
  for (const warning of loaded.warnings) io.stderr.write(`aldea: warning: ${warning}\n`);
  return loaded;
}

function describeOpenError(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST')
    return 'a part of the path is a file, not a directory';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'the location is read-only';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot create or open the file there';
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  return (err as Error).message;
}

/**
 * Opens the configured database. Without `create`, a missing file is an error
 * (NOT_FOUND) instead of a silently created empty database. A `server` copies
 * the WAL back from a worker thread (see `OpenSqliteOptions.checkpoints`).
 */
export function openDatabase(
  config: AldeaConfig,
  opts: { create?: boolean; server?: boolean } = {},
): Database {
  if (!opts.create && !existsSync(config.database)) {
    throw new CliError(
      EXIT.NOT_FOUND,
      `no database at ${config.database}; create it with \`aldea migrate\``,
    );
  }
  try {
    return openSqlite({
      file: config.database,
      ...(opts.server ? { checkpoints: 'background' as const } : {}),
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const exit = code === 'SQLITE_NOTADB' ? EXIT.VALIDATION : EXIT.IO;
    throw new CliError(
      exit,
      `cannot open the database at ${config.database}: ${describeOpenError(err)}`,
      { cause: err },
    );
  }
}

/** Refuses to work on a database whose schema is behind or ahead of this version. */
export async function requireMigrated(db: Database, config: AldeaConfig): Promise<void> {
  const status = await migrationStatus(db);
  if (status.unknown > 0) {
    throw new CliError(
      EXIT.FAILURE,
      `the database at ${config.database} was migrated by a newer version of Aldea; upgrade aldea`,
    );
  }
  if (status.pending.length > 0) {
    throw new CliError(
      EXIT.FAILURE,
      `the database at ${config.database} needs ${status.pending.length} migration(s) (${status.pending.join(', ')}); run \`aldea migrate\``,
    );
  }
}

/** Opens the database (migrated, unless told otherwise), runs `fn`, and always closes it. */
export async function withDatabase<T>(
  config: AldeaConfig,
  fn: (db: Database) => Promise<T>,
  opts: { create?: boolean; migrated?: boolean } = {},
): Promise<T> {
  const db = openDatabase(config, opts);
  try {
    if (opts.migrated ?? true) await requireMigrated(db, config);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The operator context the CLI acts with: the system actor, audited as `aldea-cli`. */
export async function cliContext(db: Database): Promise<OperatorContext> {
  return operatorContext(platformContext(db, { actor: { kind: 'system', name: 'aldea-cli' } }));
}
