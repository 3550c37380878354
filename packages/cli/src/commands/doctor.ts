import type { Command } from 'commander';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea doctor`: is this installation ready to serve? */
export function registerDoctor(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description(
      'Check configuration, database, migrations, disk space, media directory and FX rates',
    )
    .option('--json', 'print the checks as JSON')
    .addHelpText(
      'after',
      `${examples('aldea doctor', 'aldea doctor --json | jq \'.checks[] | select(.status != "ok")\'')}
Exits 0 when every check passes or only warns, 1 when one fails.
`,
    )
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { doctor } = await import('../actions/doctor.js');
      await doctor(io, cmd, opts);
    });
}
