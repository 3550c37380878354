import { backupDatabase, restoreDatabase } from '@aldea/core';
import type { Command } from 'commander';
import { type CliIo, note, printResult } from '../io.js';
import { startProgress } from '../progress.js';
import { globalOptions, loadCliConfig, openDatabase } from '../runtime.js';

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** `aldea backup FILE`: an online copy of the live database. */
export async function backup(
  io: CliIo,
  cmd: Command,
  file: string,
  opts: { json?: boolean },
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const db = openDatabase(config);
  const bar = startProgress(io, {
    label: 'Backing up',
    unit: 'pages',
    mode: globalOptions(cmd).progress,
    json: opts.json,
  });
  try {
    const result = await backupDatabase(db, file, {
      onProgress: (p) => bar.update(p.copiedPages, p.totalPages),
    });
    bar.stop();
    printResult(
      io,
      opts.json,
      { ...result, database: config.database },
      `Backed up ${config.database} to ${result.file} (${mib(result.bytes)}).`,
    );
  } finally {
    bar.stop();
    await db.close();
  }
}

/** `aldea restore FILE`: replace the database with a checked backup. */
export async function restore(
  io: CliIo,
  cmd: Command,
  file: string,
  opts: { force?: boolean; json?: boolean },
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const bar = startProgress(io, {
    label: 'Restoring',
    unit: 'pages',
    mode: globalOptions(cmd).progress,
    json: opts.json,
  });
  try {
    const result = await restoreDatabase(file, config.database, {
      force: opts.force ?? false,
      onProgress: (p) => bar.update(p.copiedPages, p.totalPages),
    });
    bar.stop();
    if (result.migrationsApplied.length > 0) {
      note(io, opts.json, `Applied ${result.migrationsApplied.length} migration(s).`);
    }
    const { backup: checked, ...rest } = result;
    printResult(
      io,
      opts.json,
      { ...rest, rowCounts: checked.rowCounts },
      `Restored ${result.file} from ${result.from}.`,
    );
  } finally {
    bar.stop();
  }
}
