import type { Command } from 'commander';
import type { CreateVillageOptions } from '../actions/village.js';
import { collect, examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea village create|list`. */
export function registerVillage(program: Command, io: CliIo): void {
  const village = program.command('village').description('Create and list villages');

  village
    .command('create')
    .description('Create a village (a place and its community of shops)')
    .argument('<slug>', 'URL name, e.g. bainiu')
    .requiredOption('--country <code>', 'ISO country code, e.g. CN or MX')
    .requiredOption('--locale <locale>', 'default language: en, zh-CN or es-MX')
    .requiredOption('--currency <code>', 'default currency, e.g. CNY or MXN')
    .requiredOption('--name <[locale=]text>', 'name; repeat per language (en=Bainiu)', collect)
    .option('--region <[locale=]text>', 'region, e.g. "Lin\'an, Hangzhou"; repeatable', collect)
    .option('--story <[locale=]text>', 'the village story; repeatable', collect)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        'aldea village create bainiu --country CN --locale zh-CN --currency CNY --name 白牛村 --name en=Bainiu --region "en=Lin\'an, Hangzhou"',
      ),
    )
    .action(async (slug: string, opts: CreateVillageOptions, cmd: Command) => {
      const { createVillage } = await import('../actions/village.js');
      await createVillage(io, cmd, slug, opts);
    });

  village
    .command('list')
    .description('List every village')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', examples('aldea village list', 'aldea village list --json'))
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { listVillagesAction } = await import('../actions/village.js');
      await listVillagesAction(io, cmd, opts);
    });
}
