import type { Command } from 'commander';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea fx import|set|list`. */
export function registerFx(program: Command, io: CliIo): void {
  const fx = program.command('fx').description('Foreign-exchange rates used to convert prices');

  fx.command('import')
    .description('Import ECB reference rates from a file or URL (all or nothing)')
    .requiredOption('--ecb [file|url]', 'an ECB XML file or URL (default: the configured ECB URL)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `${examples(
        'aldea fx import --ecb',
        'aldea fx import --ecb ./eurofxref-hist-90d.xml',
        'aldea fx import --ecb https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml --json',
      )}
A malformed or oversized file changes nothing (exit 3). Run it daily (cron or a
systemd timer) after 16:00 CET, when the ECB publishes.
`,
    )
    .action(async (opts: { ecb: string | true; json?: boolean }, cmd: Command) => {
      const { importFx } = await import('../actions/fx.js');
      await importFx(io, cmd, opts);
    });

  fx.command('set')
    .description('Set a manual rate: 1 BASE = RATE QUOTE (newest wins; history kept)')
    .argument('<base>', 'currency code, e.g. USD')
    .argument('<quote>', 'currency code, e.g. MXN')
    .argument('<rate>', 'exact decimal, e.g. 19.85')
    .option('--shop <id|slug>', "a shop's own rate (overrides the platform's for that shop)")
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        'aldea fx set USD MXN 19.85',
        'aldea fx set CNY USD 0.1380 --shop lin-hickory --json',
      ),
    )
    .action(
      async (
        base: string,
        quote: string,
        rate: string,
        opts: { shop?: string; json?: boolean },
        cmd: Command,
      ) => {
        const { setFx } = await import('../actions/fx.js');
        await setFx(io, cmd, { base, quote, rate }, opts);
      },
    );

  fx.command('list')
    .description('List the newest rate of every pair, with its age')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', examples('aldea fx list', 'aldea fx list --json'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { listFx } = await import('../actions/fx.js');
      await listFx(io, cmd, opts);
    });
}
