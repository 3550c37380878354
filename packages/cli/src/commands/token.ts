import { type Command, Option } from 'commander';
import type { TokenCreateOptions, TokenOwnerOptions } from '../actions/token.js';
import { collect, examples } from '../help-text.js';
import type { CliIo } from '../io.js';

// Declared here (not imported from core) so `--help` never loads core.
const SCOPES_HELP = `Scopes (a :write scope includes its :read):
  shop tokens      catalog:read  catalog:write  orders:read  orders:write
                   settings:read  settings:write
  platform tokens  fx:write`;

/** `--shop <id|slug>` or `--platform`: whose tokens (commander refuses both, exit 2). */
function owner(cmd: Command): Command {
  return cmd
    .addOption(new Option('--shop <id|slug>', "the shop's tokens").conflicts('platform'))
    .addOption(new Option('--platform', "the platform's (operator) tokens, e.g. for FX updates"));
}

/** Registers `aldea token create|list|revoke`. */
export function registerToken(program: Command, io: CliIo): void {
  const token = program
    .command('token')
    .description('API tokens for the JSON API: per shop (or platform), scoped, revocable');

  owner(
    token
      .command('create')
      .description('Create a token and print its secret: it is shown this once and never again'),
  )
    .requiredOption('--name <name>', 'what the token is for, e.g. "stock sync"')
    .requiredOption('--scope <scope>', 'a permission; repeat it (or use commas)', collect)
    .option('--json', 'print the token and its details as JSON')
    .addHelpText(
      'after',
      `${examples(
        'aldea token create --shop lin-hickory --name "stock sync" --scope catalog:write --scope orders:read',
        'TOKEN=$(aldea token create --shop lin-hickory --name export --scope orders:read)',
        'aldea token create --platform --name "ECB cron" --scope fx:write --json',
      )}
The token goes to standard output alone (the explanation to standard error), so
it can be captured. Only its SHA-256 is stored: copy it now.

${SCOPES_HELP}
`,
    )
    .action(async (opts: TokenCreateOptions, cmd: Command) => {
      const { createTokenAction } = await import('../actions/token.js');
      await createTokenAction(io, cmd, opts);
    });

  owner(
    token.command('list').description('List tokens: prefix, scopes, created, last used, revoked'),
  )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples('aldea token list --shop lin-hickory', 'aldea token list --platform --json'),
    )
    .action(async (opts: TokenOwnerOptions & { json?: boolean }, cmd: Command) => {
      const { listTokensAction } = await import('../actions/token.js');
      await listTokensAction(io, cmd, opts);
    });

  owner(
    token
      .command('revoke')
      .description('Revoke a token: programs using it are refused from the next request on')
      .argument('<tokenId>', 'the token id (tok_…), from `aldea token list`'),
  )
    .option('--json', 'print the revoked token as JSON')
    .addHelpText(
      'after',
      examples(
        'aldea token revoke tok_01jd3k8w2x9m4q7rtv5bz6c8ha --shop lin-hickory',
        'aldea token revoke tok_01jd3k8w2x9m4q7rtv5bz6c8ha --platform --json',
      ),
    )
    .action(async (tokenId: string, opts: TokenOwnerOptions & { json?: boolean }, cmd: Command) => {
      const { revokeTokenAction } = await import('../actions/token.js');
      await revokeTokenAction(io, cmd, tokenId, opts);
    });
}
