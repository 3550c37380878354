import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerConfig } from './commands/config.js';
import { registerDoctor } from './commands/doctor.js';
import { registerFx } from './commands/fx.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerPayments } from './commands/payments.js';
import { registerSeed } from './commands/seed.js';
import { registerServe } from './commands/serve.js';
import { registerShop } from './commands/shop.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';
import { registerVillage } from './commands/village.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { examples } from './help-text.js';
import type { CliIo } from './io.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * Builds the `aldea` command tree. Commands are registered with `.command()` so
 * they inherit the output streams and the exit override set here.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('aldea')
    .description('Run and look after an Aldea platform: serve, migrate, back up, set FX rates.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`aldea: ${s.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(run with --help for usage)')
    .option('-c, --config <file>', 'configuration file (default: ./aldea.config.json if present)')
    .option('--database <file>', 'SQLite database file (overrides ALDEA_DATABASE)')
    .option('--media-dir <dir>', 'media directory (overrides ALDEA_MEDIA_DIR)')
    .addOption(
      new Option('--progress <when>', 'draw progress bars on long work')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .addHelpText(
      'after',
      `${examples(
        'aldea migrate',
        'aldea serve --port 8080',
        'aldea backup /var/backups/aldea-$(date +%F).db',
        'aldea doctor --json',
      )}\n${EXIT_CODES_HELP}\n\nConfiguration: environment variables and ./aldea.config.json; see \`aldea config --help\`.\n`,
    );

  registerServe(program, io);
  registerMigrate(program, io);
  registerSeed(program, io);
  registerVillage(program, io);
  registerShop(program, io);
  registerUser(program, io);
  registerToken(program, io);
  registerImport(program, io);
  registerFx(program, io);
  registerPayments(program, io);
  registerBackup(program, io);
  registerDoctor(program, io);
  registerConfig(program, io);
  return program;
}
