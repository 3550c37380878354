import BetterSqlite3 from 'better-sqlite3';
import { expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch-dir.js';
import { openSqlite, sqliteClient } from '../db/sqlite/open-sqlite.js';
import { buildSummaries, type ProductRow } from './summaries.js';

/**
 * What ANALYZE leaves on a catalogue of 1,000 products in 10 shops (the bench's
 * smallest): the size of most villages. With these, two separate IN lists over
 * (shop_id, product_id) were planned as a scan of the whole table.
 */
const SMALL_CATALOGUE_STATS: [string, string, string][] = [
  ['variants', 'variants_product_idx', '1500 150 2 1'],
  ['variants', 'variants_sku_uq', '1500 150 1'],
  ['variants', 'sqlite_autoindex_variants_1', '1500 150 1'],
  ['product_images', 'product_images_product_idx', '1000 100 1 1'],
  ['product_images', 'sqlite_autoindex_product_images_1', '1000 100 1'],
];

it('a page of products reads its variants and first photos by index lookups, on a small catalogue too', async () => {
  const file = `${scratchDir('aldea-plans-')}/aldea.db`;
  const setup = openSqlite({ file });
  await setup.migrate();
  await setup.close();
  const raw = new BetterSqlite3(file);
  raw.exec('analyze');
  const put = raw.prepare('insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)');
  for (const row of SMALL_CATALOGUE_STATS) put.run(...row);
  raw.close();

  const db = openSqlite({ file });
  const client = sqliteClient(db.read);
  const prepared: string[] = [];
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    prepared.push(source);
    return prepare(source);
  }) as typeof client.prepare;
  const row = (id: string): ProductRow => ({
    id,
    shopId: 'shop_1',
    slug: id,
    status: 'active',
    originPlace: '',
    createdAt: new Date(0),
    titles: [],
  });
  await buildSummaries(db.read, [row('p1'), row('p2')], 'en', () => ({
    baseCurrency: 'USD',
    defaultLocale: 'en',
  }));

  const listings = prepared.filter((s) => s.includes('json_each'));
  expect(listings).toHaveLength(2); // variants with their prices, first photos
  for (const source of listings) {
    const params = (source.match(/\?/g) ?? []).map(() => '["x"]');
    const plan = prepare(`explain query plan ${source}`)
      .all(...params)
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
    expect(plan).not.toMatch(/\bSCAN (variants|product_images)\b/);
    expect(plan).toMatch(/SEARCH (variants|product_images) USING INDEX \w+_product_idx/);
  }
  await db.close();
});
