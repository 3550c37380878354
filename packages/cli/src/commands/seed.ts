import type { Command } from 'commander';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea seed --demo`. */
export function registerSeed(program: Command, io: CliIo): void {
  program
    .command('seed')
    .description('Fill an empty database with the demo villages, shops, products and photos')
    .requiredOption('--demo', 'seed the demo (Bainiu and Comonfort); the only seed so far')
    .option('--json', 'print the result (and the demo logins) as JSON')
    .addHelpText(
      'after',
      `${examples('aldea migrate && aldea seed --demo', 'aldea seed --demo --json')}
Only an empty database is seeded (exit 5 otherwise). Everything is written in
one transaction: a failure leaves the database empty. Prints the demo logins.
`,
    )
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { seed } = await import('../actions/seed.js');
      await seed(io, cmd, opts);
    });
}
