import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, localDiskStorage, type MediaStorage, openSqlite } from '@aldea/core';
import { afterAll } from 'vitest';
import { loadSeedData, type SeedData } from '../src/seed-data.ts';

const cleanups: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temporary folder, deleted after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-demo-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh migrated SQLite file and a media folder beside it, closed and deleted after the file. */
export async function freshDemoDb(): Promise<{ db: Database; storage: MediaStorage; dir: string }> {
  const dir = tempDir();
  const db = openSqlite({ file: join(dir, 'aldea.db') });
  await db.migrate();
  cleanups.push(() => db.close());
  return { db, storage: localDiskStorage(join(dir, 'media'), { fsync: false }), dir };
}

/** scrypt at a test cost: the demo passwords still verify, in milliseconds instead of 0.3 s. */
export const CHEAP_PASSWORDS = { logN: 10, r: 8, p: 1 } as const;

/** The storefront's request log, silenced. */
export const quietLogger = { info() {}, error() {} };

/**
 * The real seed files cut down to `shops` shops per village and `products`
 * products per shop: the same data paths, a fraction of the time.
 */
export async function smallSeedData(shops = 1, products = 2): Promise<SeedData> {
  const data = await loadSeedData();
  return {
    ...data,
    villages: data.villages.map((v) => ({
      ...v,
      shops: v.shops
        .slice(0, shops)
        .map((s) => ({ ...s, products: s.products.slice(0, products) })),
    })),
  };
}
