import { Argument, type Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/**
 * Registers `aldea import sellers|products FILE`. The bulk importers belong to
 * core's onboarding work, which has not landed: the command is declared (so its
 * shape is known and documented) and says plainly that it is not available yet.
 */
export function registerImport(program: Command, _io: CliIo): void {
  program
    .command('import')
    .description('Import sellers or products from a CSV file (not yet available)')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(['sellers', 'products']))
    .argument('<file>', 'the CSV file')
    .option('--dry-run', 'check the file and report what would change, changing nothing')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      examples(
        'aldea import sellers ./comonfort-sellers.csv --dry-run',
        'aldea import products ./lin-hickory.csv --json',
      ),
    )
    .action(() => {
      throw new CliError(
        EXIT.FAILURE,
        'import is not yet available in this version: it arrives with the onboarding importers',
      );
    });
}
