import { localDiskStorage } from '@aldea/core';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { type CliIo, printResult } from '../io.js';
import { startProgress } from '../progress.js';
import { globalOptions, loadCliConfig, withDatabase } from '../runtime.js';

type DemoModule = typeof import('@aldea/example-demo/seed');

/**
 * The demo seed ships with the repository's `examples/demo`, not with the
 * published CLI: load it only when asked, and say so when it is not there.
 */
async function loadDemo(): Promise<DemoModule> {
  try {
    return await import('@aldea/example-demo/seed');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new CliError(
      EXIT.FAILURE,
      'the demo data ships with the Aldea repository (examples/demo) and is not installed here',
      { cause: err },
    );
  }
}

// A shop line of the seeder's log: "  bainiu/lin-hickory: 8 products, 6 photos".
const SHOP_LINE = /^\s+[\w-]+\/[\w-]+:/;

/** `aldea seed --demo`: the demo villages in an empty database, with a progress bar. */
export async function seed(io: CliIo, cmd: Command, opts: { json?: boolean }): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const bar = startProgress(io, {
    label: 'Seeding',
    unit: 'shops',
    mode: globalOptions(cmd).progress,
    json: opts.json,
  });
  let done = 0;
  const { result, logins } = await withDatabase(config, async (db) => {
    const demo = await loadDemo();
    const data = await demo.loadSeedData();
    const shops = data.villages.reduce((n, v) => n + v.shops.length, 0);
    try {
      bar.update(0, shops);
      const seeded = await demo.seedDemo(db, localDiskStorage(config.mediaDir), {
        data,
        log: (line) => {
          if (SHOP_LINE.test(line)) bar.update(++done, shops);
        },
      });
      return { result: seeded, logins: demo.demoLogins(data) };
    } finally {
      bar.stop();
    }
  });
  if (!result.seeded) {
    throw new CliError(
      EXIT.CONFLICT,
      `the database at ${config.database} already has villages; seed --demo only fills an empty database`,
    );
  }
  const human = [
    `Seeded ${result.villages} villages, ${result.shops} shops, ${result.products} products, ${result.photos} photos in ${(result.ms / 1000).toFixed(1)} s.`,
    '',
    'Demo logins:',
    ...logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(34)} ${l.password}  (${l.scope})`),
  ].join('\n');
  printResult(io, opts.json, { ...result, logins }, human);
}
