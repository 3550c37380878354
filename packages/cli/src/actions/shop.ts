import { createShopAsOperator, listAllShops, type ShopRef, shopContext } from '@aldea/core';
import type { Command } from 'commander';
import { withFlagNames } from '../flag-names.js';
import { type CliIo, printResult } from '../io.js';
import { localizedTexts } from '../localized-option.js';
import { cliContext, loadCliConfig, withDatabase } from '../runtime.js';
import { resolveVillage } from './village.js';

/** The options of `aldea shop create`. */
export interface CreateShopOptions {
  village: string;
  currency: string;
  locale: string;
  locales?: string[];
  buyerCurrencies?: string[];
  status?: ShopRef['status'];
  domain?: string;
  name: string[];
  tagline?: string[];
  story?: string[];
  json?: boolean;
}

const FLAGS = {
  slug: '<slug>',
  villageId: '--village',
  baseCurrency: '--currency',
  buyerCurrencies: '--buyer-currencies',
  defaultLocale: '--locale',
  locales: '--locales',
  customDomain: '--domain',
  texts: '--name',
};

/** `aldea shop create`. */
export async function createShop(
  io: CliIo,
  cmd: Command,
  slug: string,
  opts: CreateShopOptions,
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const created = await withDatabase(config, async (db) => {
    const op = await cliContext(db);
    const village = await resolveVillage(op, opts.village);
    const { id } = await withFlagNames(FLAGS, () =>
      createShopAsOperator(op, {
        villageId: village.id,
        slug,
        baseCurrency: opts.currency,
        buyerCurrencies: opts.buyerCurrencies ?? [],
        defaultLocale: opts.locale as 'en',
        locales: (opts.locales ?? []) as 'en'[],
        ...(opts.status ? { status: opts.status } : {}),
        ...(opts.domain ? { customDomain: opts.domain } : {}),
        texts: localizedTexts(opts.locale, {
          name: opts.name,
          tagline: opts.tagline,
          story: opts.story,
        }) as never,
      }),
    );
    return (await shopContext(op, id)).shop;
  });
  printResult(io, opts.json, created, `Created shop ${created.slug} (${created.id})`);
}

/** `aldea shop list`. */
export async function listShops(
  io: CliIo,
  cmd: Command,
  opts: { village?: string; json?: boolean },
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const rows = await withDatabase(config, async (db) => {
    const op = await cliContext(db);
    const villageId = opts.village ? (await resolveVillage(op, opts.village)).id : undefined;
    const all = [];
    let after: string | undefined;
    do {
      const page = await listAllShops(op, {
        limit: 100,
        ...(villageId ? { villageId } : {}),
        ...(after ? { after } : {}),
      });
      all.push(...page.items);
      after = page.nextAfter ?? undefined;
    } while (after);
    return all;
  });
  const lines = rows.map(
    (s) => `${s.slug.padEnd(24)} ${s.id}  ${s.status.padEnd(10)} ${s.baseCurrency}  ${s.name}`,
  );
  printResult(io, opts.json, rows, lines.length ? lines.join('\n') : 'No shops yet.');
}
