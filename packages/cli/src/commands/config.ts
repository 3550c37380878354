import type { Command } from 'commander';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea config`. */
export function registerConfig(program: Command, io: CliIo): void {
  program
    .command('config')
    .description(
      'Show every setting, its environment variable, its value (secrets masked) and source',
    )
    .option('--json', 'print it as JSON')
    .addHelpText(
      'after',
      `${examples('aldea config', 'PORT=8080 aldea config --json', 'aldea --config /etc/aldea/aldea.config.json config')}
Precedence: command-line flags > environment > config file > defaults. The
config file is ./aldea.config.json, or the one named by --config or ALDEA_CONFIG;
its keys are the setting names (e.g. {"database": "/srv/aldea/aldea.db"}), and
relative paths in it are relative to the file. Every setting is checked before a
command runs: a wrong one is named with what is expected (exit 3).
See docs/operator-guide.md for what each setting does.
`,
    )
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { showConfig } = await import('../actions/config.js');
      showConfig(io, cmd, opts);
    });
}
