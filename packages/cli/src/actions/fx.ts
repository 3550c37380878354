import {
  type EcbSource,
  importEcbRates,
  listLatestRates,
  setManualRate,
  shopContext,
} from '@aldea/core';
import type { Command } from 'commander';
import { withFlagNames } from '../flag-names.js';
import { type CliIo, printResult } from '../io.js';
import { cliContext, loadCliConfig, withDatabase } from '../runtime.js';

const HOUR = 3_600_000;

function ecbSource(value: string | true, defaultUrl: string): EcbSource {
  if (value === true) return { url: defaultUrl };
  return /^https?:\/\//i.test(value) ? { url: value } : { file: value };
}

/** `aldea fx import --ecb [FILE|URL]`. */
export async function importFx(
  io: CliIo,
  cmd: Command,
  opts: { ecb: string | true; json?: boolean },
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const source = ecbSource(opts.ecb, config.ecbUrl);
  const result = await withDatabase(config, async (db) =>
    importEcbRates(await cliContext(db), source),
  );
  const ignored = result.ignoredCurrencies.length
    ? ` (ignored: ${result.ignoredCurrencies.join(', ')})`
    : '';
  printResult(
    io,
    opts.json,
    { source, ...result },
    `Imported ${result.inserted} new rate(s) over ${result.days} day(s), newest ${result.latestDay}; ${result.unchanged} already known${ignored}.`,
  );
}

/** `aldea fx set BASE QUOTE RATE [--shop S]`. */
export async function setFx(
  io: CliIo,
  cmd: Command,
  args: { base: string; quote: string; rate: string },
  opts: { shop?: string; json?: boolean },
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const row = await withDatabase(config, async (db) => {
    const op = await cliContext(db);
    const shopId = opts.shop ? (await shopContext(op, opts.shop)).shop.id : undefined;
    return withFlagNames({ base: '<base>', quote: '<quote>', rate: '<rate>' }, () =>
      setManualRate(op, { ...args, ...(shopId ? { shopId } : {}) }),
    );
  });
  printResult(
    io,
    opts.json,
    row,
    `Set 1 ${row.base} = ${row.rate} ${row.quote}${row.shopId ? ` for ${row.shopId}` : ''} (${row.id}).`,
  );
}

/** `aldea fx list`. */
export async function listFx(io: CliIo, cmd: Command, opts: { json?: boolean }): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const rates = await withDatabase(config, async (db) =>
    listLatestRates(await cliContext(db), {
      staleness: {
        flagAfterMs: config.fxStaleAfterHours * HOUR,
        refuseAfterMs: config.fxMaxAgeHours * HOUR,
      },
    }),
  );
  const lines = rates.map(
    (r) =>
      `${`${r.base}/${r.quote}`.padEnd(9)} ${r.rate.padEnd(14)} ${r.source.padEnd(6)} ${r.asOf.toISOString().slice(0, 10)}  ${r.freshness}`,
  );
  printResult(io, opts.json, rates, lines.length ? lines.join('\n') : 'No FX rates yet.');
}
