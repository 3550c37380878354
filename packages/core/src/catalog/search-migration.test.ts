import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder } from '../db/sqlite/migrations-folder.js';
import { openSqlite } from '../db/sqlite/open-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'aldea-fts-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder that stops just before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = join(dir, 'migrations');
  cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('migration catalog_fts', () => {
  it('indexes the texts that existed before it, and keeps indexing after', async () => {
    const db = openSqlite({ file: join(dir, 'old.db') });
    await db.migrate(migrationsBefore('catalog_fts'));
    const now = Date.now();
    await db.transaction(async (tx) => {
      await tx.run(sql`insert into villages (id, slug, country, default_locale, default_currency, created_at, updated_at)
        values ('vil_1', 'bainiu', 'CN', 'zh-CN', 'CNY', ${now}, ${now})`);
      await tx.run(sql`insert into shops (id, village_id, slug, base_currency, default_locale, status, created_at, updated_at)
        values ('shop_1', 'vil_1', 'nuts', 'CNY', 'zh-CN', 'live', ${now}, ${now})`);
      await tx.run(sql`insert into products (shop_id, id, slug, status, created_at, updated_at)
        values ('shop_1', 'prod_1', 'nuts', 'active', ${now}, ${now})`);
      await tx.run(sql`insert into product_texts (shop_id, product_id, locale, title)
        values ('shop_1', 'prod_1', 'zh-CN', '临安山核桃')`);
    });
    await db.migrate(); // to head
    const hits = async (q: string) =>
      (
        await db.read.all<{ product_id: string }>(
          sql`select product_id from product_search where product_search match ${q}`,
        )
      ).map((r) => r.product_id);
    expect(await hits('"山核桃"')).toEqual(['prod_1']);
    await db.transaction((tx) =>
      tx.run(sql`insert into product_texts (shop_id, product_id, locale, title)
        values ('shop_1', 'prod_1', 'en', 'Lin’an hickory nuts')`),
    );
    expect(await hits('"hickory"')).toEqual(['prod_1']);
    await db.close();
  });
});
