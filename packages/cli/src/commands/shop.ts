import { type Command, Option } from 'commander';
import type { CreateShopOptions } from '../actions/shop.js';
import { collect, commaList, examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea shop create|list`. */
export function registerShop(program: Command, io: CliIo): void {
  const shop = program.command('shop').description('Create and list shops');

  shop
    .command('create')
    .description('Create a shop (a tenant) in a village')
    .argument('<slug>', 'URL name, e.g. lin-hickory')
    .requiredOption('--village <id|slug>', 'the village it belongs to')
    .requiredOption('--currency <code>', 'the currency the seller thinks in, e.g. CNY')
    .requiredOption('--locale <locale>', 'default language: en, zh-CN or es-MX')
    .requiredOption('--name <[locale=]text>', 'shop name; repeat per language (en=…)', collect)
    .option('--locales <list>', 'more languages, comma-separated', commaList)
    .option('--buyer-currencies <list>', 'currencies buyers may pay in, e.g. USD,EUR', commaList)
    .addOption(
      new Option('--status <status>', 'initial status').choices(['onboarding', 'live', 'paused']),
    )
    .option('--domain <domain>', 'a custom domain for the shop')
    .option('--tagline <[locale=]text>', 'a one-line tagline; repeatable', collect)
    .option('--story <[locale=]text>', 'the shop story; repeatable', collect)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        'aldea shop create lin-hickory --village bainiu --currency CNY --locale zh-CN --locales en --buyer-currencies USD,EUR --name 林家山核桃 --name "en=Lin Family Hickory"',
      ),
    )
    .action(async (slug: string, opts: CreateShopOptions, cmd: Command) => {
      const { createShop } = await import('../actions/shop.js');
      await createShop(io, cmd, slug, opts);
    });

  shop
    .command('list')
    .description('List shops, optionally of one village')
    .option('--village <id|slug>', 'only this village')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', examples('aldea shop list', 'aldea shop list --village bainiu --json'))
    .action(async (opts: { village?: string; json?: boolean }, cmd: Command) => {
      const { listShops } = await import('../actions/shop.js');
      await listShops(io, cmd, opts);
    });
}
