import { type Command, Option } from 'commander';
import type { CreateUserOptions } from '../actions/user.js';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea user create`. */
export function registerUser(program: Command, io: CliIo): void {
  const user = program.command('user').description('Create users and give them a role');

  user
    .command('create')
    .description('Create a user who signs in to the admin, with a role in a shop or village')
    .requiredOption('--name <name>', 'the person’s name')
    .option('--email <address>', 'email address (give an email or a phone)')
    .option('--phone <number>', 'phone in international format, e.g. +5214151234567')
    .option('--locale <locale>', 'admin language: en, zh-CN or es-MX')
    .addOption(
      new Option('--role <role>', 'what they may do')
        .choices(['owner', 'staff', 'trainer', 'operator'])
        .makeOptionMandatory(),
    )
    .option('--shop <id|slug>', 'the shop of an owner or staff member')
    .option('--village <id|slug>', 'the village of a trainer')
    .option(
      '--password-stdin',
      'read a password from standard input (else they set one via "forgot password")',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        'aldea user create --name "Lin Wei" --phone +8613800000000 --role owner --shop lin-hickory',
        'aldea user create --name "Ana Ruiz" --email ana@example.org --role trainer --village comonfort',
        'printf %s "$ADMIN_PASSWORD" | aldea user create --name Ops --email ops@example.org --role operator --password-stdin',
      ),
    )
    .action(async (opts: CreateUserOptions, cmd: Command) => {
      const { createUserAction } = await import('../actions/user.js');
      await createUserAction(io, cmd, opts);
    });
}
