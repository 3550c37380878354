import type { Command } from 'commander';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea backup FILE` and `aldea restore FILE`. */
export function registerBackup(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('Copy the live database to FILE (online: the server keeps running)')
    .argument('<file>', 'the backup file to create; must not exist yet')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `${examples(
        'aldea backup /var/backups/aldea/aldea-$(date +%F).db',
        'aldea backup ./before-upgrade.db --json',
      )}
Uses SQLite's online backup API: a consistent snapshot while others keep
writing. The result is one self-contained file, checked before it gets its name;
an existing FILE is never overwritten (exit 5).
`,
    )
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      const { backup } = await import('../actions/backup.js');
      await backup(io, cmd, file, opts);
    });

  program
    .command('restore')
    .description('Replace the database with a backup, after checking the backup')
    .argument('<file>', 'a file made by `aldea backup`')
    .option('--force', 'replace an existing database (stop the server first)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `${examples(
        'aldea restore /var/backups/aldea/aldea-2026-11-24.db',
        'aldea restore ./before-upgrade.db --force',
      )}
Checks first, writes after: the backup must pass PRAGMA integrity_check and
come from this or an older version of Aldea (its migrations are applied after
the copy). An existing database is replaced only with --force, and never while
a server has it open (exit 5).
`,
    )
    .action(async (file: string, opts: { force?: boolean; json?: boolean }, cmd: Command) => {
      const { restore } = await import('../actions/backup.js');
      await restore(io, cmd, file, opts);
    });
}
