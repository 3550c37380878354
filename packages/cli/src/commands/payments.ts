import type { Command } from 'commander';
import type { ReconcileOptions } from '../actions/payments.js';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea payments reconcile`. */
export function registerPayments(program: Command, io: CliIo): void {
  const payments = program.command('payments').description('Card payments (Stripe)');

  payments
    .command('reconcile')
    .description('Ask Stripe about open card payments and apply what a lost webhook would have')
    .option('--older-than <minutes>', 'only payments started at least this long ago (default 0)')
    .option('--limit <n>', 'at most this many payments per run (default 500)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `${examples('aldea payments reconcile', 'aldea payments reconcile --older-than 30 --json')}
Safe to run any time and as often as wanted (e.g. every 15 minutes from cron):
a payment already settled is left alone. Exits 1 when Stripe could not be asked
about some payment (they are tried again next run).
`,
    )
    .action(async (opts: ReconcileOptions, cmd: Command) => {
      const { reconcile } = await import('../actions/payments.js');
      await reconcile(io, cmd, opts);
    });
}
