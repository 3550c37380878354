import { migrationStatus } from '@aldea/core';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { type CliIo, printResult } from '../io.js';
import { loadCliConfig, withDatabase } from '../runtime.js';

/** `aldea migrate`: creates the database if needed and applies pending migrations. */
export async function migrate(io: CliIo, cmd: Command, opts: { json?: boolean }): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const applied = await withDatabase(
    config,
    async (db) => {
      const before = await migrationStatus(db);
      if (before.unknown > 0) {
        throw new CliError(
          EXIT.FAILURE,
          `the database at ${config.database} was migrated by a newer version of Aldea (${before.unknown} unknown migrations); upgrade aldea instead`,
        );
      }
      await db.migrate();
      return before.pending;
    },
    { create: true, migrated: false },
  );
  const human = applied.length
    ? `Applied ${applied.length} migration(s) to ${config.database}:\n${applied.map((t) => `  ${t}`).join('\n')}`
    : `${config.database} is up to date.`;
  printResult(io, opts.json, { database: config.database, applied }, human);
}
