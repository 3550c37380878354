import {
  createVillageAsOperator,
  findVillageBySlug,
  listVillages,
  notFound,
  type PlatformContext,
  type VillageView,
} from '@aldea/core';
import type { Command } from 'commander';
import { withFlagNames } from '../flag-names.js';
import { type CliIo, printResult } from '../io.js';
import { localizedTexts } from '../localized-option.js';
import { cliContext, loadCliConfig, withDatabase } from '../runtime.js';

/** A village by id (`vil_…`) or slug; NOT_FOUND otherwise. */
export async function resolveVillage(ctx: PlatformContext, idOrSlug: string): Promise<VillageView> {
  const village = idOrSlug.startsWith('vil_')
    ? (await listVillages(ctx)).find((v) => v.id === idOrSlug)
    : await findVillageBySlug(ctx, idOrSlug);
  if (!village) throw notFound(`village "${idOrSlug}"`);
  return village;
}

/** The options of `aldea village create`. */
export interface CreateVillageOptions {
  country: string;
  locale: string;
  currency: string;
  name: string[];
  region?: string[];
  story?: string[];
  json?: boolean;
}

const FLAGS = {
  slug: '<slug>',
  country: '--country',
  defaultLocale: '--locale',
  defaultCurrency: '--currency',
  texts: '--name',
};

/** `aldea village create`. */
export async function createVillage(
  io: CliIo,
  cmd: Command,
  slug: string,
  opts: CreateVillageOptions,
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const created = await withDatabase(config, async (db) => {
    const op = await cliContext(db);
    return withFlagNames(FLAGS, () =>
      createVillageAsOperator(op, {
        slug,
        country: opts.country,
        defaultLocale: opts.locale as 'en',
        defaultCurrency: opts.currency,
        texts: localizedTexts(opts.locale, {
          name: opts.name,
          region: opts.region,
          story: opts.story,
        }) as never,
      }),
    );
  });
  printResult(io, opts.json, created, `Created village ${created.slug} (${created.id})`);
}

/** `aldea village list`. */
export async function listVillagesAction(
  io: CliIo,
  cmd: Command,
  opts: { json?: boolean },
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const rows = await withDatabase(config, async (db) => listVillages(await cliContext(db)));
  const lines = rows.map(
    (v) => `${v.slug.padEnd(24)} ${v.id}  ${v.country} ${v.defaultCurrency}  ${v.name}`,
  );
  printResult(io, opts.json, rows, lines.length ? lines.join('\n') : 'No villages yet.');
}
