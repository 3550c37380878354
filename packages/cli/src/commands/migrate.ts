import type { Command } from 'commander';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea migrate`. */
export function registerMigrate(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('Create the database if needed and apply pending migrations (all or none)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples('aldea migrate', 'ALDEA_DATABASE=/srv/aldea/aldea.db aldea migrate --json'),
    )
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { migrate } = await import('../actions/migrate.js');
      await migrate(io, cmd, opts);
    });
}
