import { type Command, Option } from 'commander';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';
import type { ImportProductsCliOptions, ImportSellersCliOptions } from './import-action.js';

/** Registers `aldea import sellers|products FILE`. */
export function registerImport(program: Command, io: CliIo): void {
  const cmd = program
    .command('import')
    .description('Import sellers (as invitations) or products (as drafts) from a CSV file')
    .addHelpText(
      'after',
      `${examples(
        'aldea import sellers talleres.csv --village comonfort --dry-run --json',
        'aldea import products productos.csv --shop taller-piedra-negra --photos fotos.zip',
      )}
Each checks the whole file first and reports every problem by row and column
(--locale en|zh-CN|es-MX); add --dry-run to stop there. See \`aldea import sellers --help\`.
`,
    );
  const locale = () =>
    new Option('--locale <locale>', 'language of the problem messages')
      .choices(['en', 'zh-CN', 'es-MX'])
      .default('en');

  cmd
    .command('sellers')
    .description('Invite the sellers of a CSV (name, phone, email, shop_name, locale) to a village')
    .argument(
      '<file>',
      'CSV file: UTF-8 (with or without BOM), GBK or Windows-1252; comma or semicolon',
    )
    .requiredOption('--village <slug|id>', 'the village they join')
    .option('--cohort <id|name>', 'the cohort they join')
    .option('--template <id>', 'start their shops from this template')
    .option('--print', 'make every invitation a printed one (codes are listed once, here)')
    .option('--dry-run', 'check the file and report every problem; write nothing')
    .option(
      '--good-rows-only',
      'import the good rows and skip the bad ones (default: all or nothing)',
    )
    .addOption(locale())
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `${examples(
        'aldea import sellers talleres.csv --village comonfort --cohort "Primavera" --dry-run',
        'aldea import sellers talleres.csv --village comonfort --print --locale es-MX',
      )}
Re-importing a file updates the waiting invitations of the same people instead of
inviting them twice. Exit 3 when the file has problems and nothing was written.
`,
    )
    .action(async (file: string, opts: ImportSellersCliOptions, c: Command) => {
      const { importSellersAction } = await import('./import-action.js');
      await importSellersAction(io, c, file, opts);
    });

  cmd
    .command('products')
    .description('Import the products of a CSV (one row per variant) into a shop as drafts')
    .argument(
      '<file>',
      'CSV file: UTF-8 (with or without BOM), GBK or Windows-1252; comma or semicolon',
    )
    .requiredOption('--shop <slug|id>', 'the shop they belong to')
    .option('--photos <zip>', 'a zip of the photos the `photos` column names')
    .option('--dry-run', 'check the file and report every problem; write nothing')
    .option(
      '--good-rows-only',
      'import the good products and skip the bad ones (default: all or nothing)',
    )
    .addOption(locale())
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `${examples(
        'aldea import products productos.csv --shop taller-piedra-negra --dry-run --locale es-MX',
        'aldea import products 商品.csv --shop laolin-hickory --photos 照片.zip',
      )}
Columns: product, sku, price (required); title_zh-CN, title_es-MX, title_en,
description_*, option1_name, option1_value… option3_*, currency, stock, weight_g,
processing_days, made_to_order, photos. Re-importing updates products by SKU.
Exit 3 when the file has problems and nothing was written.
`,
    )
    .action(async (file: string, opts: ImportProductsCliOptions, c: Command) => {
      const { importProductsAction } = await import('./import-action.js');
      await importProductsAction(io, c, file, opts);
    });
}
