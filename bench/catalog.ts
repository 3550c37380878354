/**
 * Catalog reads through core versus raw better-sqlite3 running the same SQL.
 *
 *   npm run bench -- catalog                       # 100 shops × 1,000 products
 *   CATALOG_SHOPS=20 CATALOG_PRODUCTS=20000 npm run bench -- catalog
 *   CATALOG_KEEP=1 …    keep the generated file (its path is printed)
 *   CATALOG_FILE=path … measure a kept file again (same SHOPS/PRODUCTS), no generation
 *
 * 1. Generates N shops × M products (texts in two locales, options, variants,
 *    fixed prices, a photo each) with batched prepared inserts in a handful of
 *    transactions; the FTS triggers index every text as they would in use.
 * 2. Runs, in the same process and on the same file: `getProductBySlug` and a
 *    24-item `listProducts` page through core, and the very statements core
 *    prepared (captured from its connection) run directly with better-sqlite3,
 *    without any mapping. Prints ops/s and the ratio (goal: ≤ 3× raw), as
 *    medians of short interleaved rounds (CATALOG_ROUNDS, default 25).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getProductBySlug,
  listProducts,
  openSqlite,
  platformContext,
  type ShopContext,
  shopContext,
} from '@aldea/core';
import BetterSqlite3 from 'better-sqlite3';
import { Bench } from 'tinybench';
import { sqliteClient } from '../packages/core/src/db/sqlite/open-sqlite.js';
import { generateCatalog, id } from './_catalog-data.js';

/** Bench knobs from the environment (not app config: read by name here only). */
const env = (name: string): string | undefined => process.env[name];
const setting = (name: string, fallback: number) => Number(env(name) ?? fallback);
const SHOPS = setting('CATALOG_SHOPS', 100);
const PRODUCTS = setting('CATALOG_PRODUCTS', 100_000);
const PER_SHOP = Math.ceil(PRODUCTS / SHOPS);
const GOAL = 3;

// CATALOG_FILE: measure a database generated earlier (with CATALOG_KEEP=1).
const reuse = env('CATALOG_FILE');
const dir = reuse ? undefined : mkdtempSync(join(tmpdir(), 'aldea-bench-catalog-'));
const file = reuse ?? join(dir!, 'catalog.db');
const db = openSqlite({ file });
await db.migrate();

if (!reuse) {
  const generated = generateCatalog(file, { shops: SHOPS, perShop: PER_SHOP });
  console.log(
    `generated ${SHOPS} shops × ${PER_SHOP} products (${(SHOPS * PER_SHOP).toLocaleString('en')} products, ${generated.rows.toLocaleString('en')} rows incl. FTS triggers) in ${(generated.ms / 1000).toFixed(1)} s`,
  );
}

// ---------------------------------------------------------------- contexts
const platform = platformContext(db, { actor: { kind: 'buyer' }, locale: 'en' });
const SAMPLE = 64;
const targets: { ctx: ShopContext; slug: string }[] = [];
for (let i = 0; i < SAMPLE; i++) {
  const s = (i * 37) % SHOPS;
  const ctx = await shopContext(platform, id('shop', s));
  // Drafts are every 10th product (p % 10 === 9): pick active ones only.
  const p = ((i * 7919) % PER_SHOP) - (((i * 7919) % PER_SHOP) % 10 === 9 ? 1 : 0);
  targets.push({ ctx, slug: `p-${p}` });
}

// ---------------------------------------- capture the SQL core prepares, in order
const reader = sqliteClient(db.read);
function capture<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const sql: string[] = [];
  const prepare = reader.prepare.bind(reader);
  reader.prepare = ((source: string) => {
    sql.push(source);
    return prepare(source);
  }) as typeof reader.prepare;
  return fn()
    .then((result) => ({ result, sql }))
    .finally(() => {
      reader.prepare = prepare;
    });
}
const first = targets[0]!;
const detail = await capture(() => getProductBySlug(first.ctx, first.slug));
const listing = await capture(() => listProducts(first.ctx, { limit: 24 }));
if (detail.sql.length !== 5 || listing.sql.length !== 3) {
  throw new Error(
    `expected 5 + 3 statements, captured ${detail.sql.length} + ${listing.sql.length}`,
  );
}

// --------------------------------------------- raw: the same statements, no mapping
const raw = new BetterSqlite3(file, { readonly: true });
raw.pragma('cache_size = -32000');
const prep = (source: string) => raw.prepare(source).raw(true);
const [pBySlug, pOptions, pVariants, pImages, pCollections] = detail.sql.map(prep);
const [lPage, lVariants, lImages] = listing.sql.map(prep);

function rawDetail(shopId: string, slug: string) {
  const row = pBySlug!.get(shopId, slug, 'active') as unknown[] | undefined;
  if (!row) throw new Error('not found');
  const productId = row[0];
  return [
    row,
    pOptions!.all(shopId, productId),
    pVariants!.all(shopId, productId),
    pImages!.all(shopId, productId),
    pCollections!.all(shopId, productId),
  ];
}

function rawList(shopId: string) {
  const rows = lPage!.all(shopId, 'active', 25) as unknown[][];
  const page = rows.slice(0, 24);
  const shops = JSON.stringify([shopId]);
  const ids = JSON.stringify(page.map((r) => r[0]));
  return [page, lVariants!.all(shops, ids), lImages!.all(shops, ids)];
}

// Same answers? (ids, variants, photos)
const checkDetail = rawDetail(first.ctx.shop.id, first.slug);
const checkList = rawList(first.ctx.shop.id);
if (
  (checkDetail[0] as unknown[])[0] !== detail.result.id ||
  (checkDetail[2] as unknown[]).length !== detail.result.variants.length ||
  (checkDetail[3] as unknown[]).length !== detail.result.images.length ||
  JSON.stringify((checkList[0] as unknown[][]).map((r) => r[0])) !==
    JSON.stringify(listing.result.items.map((p) => p.id))
) {
  throw new Error('raw and core disagree: the comparison would be meaningless');
}

// ---------------------------------------------------------------- measure
// Core and raw run back to back in many short rounds (100 ms a task), and each
// round gives its own ratio: on a shared machine the load drifts over seconds,
// and two long runs far apart would compare the load, not the code. We report
// medians over the rounds.
let i = 0;
const next = () => targets[i++ % SAMPLE]!;
const ROUNDS = setting('CATALOG_ROUNDS', 25);
const tasks: Record<string, () => unknown> = {
  'getProductBySlug · core': async () => {
    const t = next();
    await getProductBySlug(t.ctx, t.slug);
  },
  'getProductBySlug · raw': () => {
    const t = next();
    rawDetail(t.ctx.shop.id, t.slug);
  },
  'listProducts 24 · core': async () => {
    await listProducts(next().ctx, { limit: 24 });
  },
  'listProducts 24 · raw': () => {
    rawList(next().ctx.shop.id);
  },
};
const periods = new Map<string, number[]>();
// One discarded round warms the JIT and both connections' page caches.
for (let round = -1; round < ROUNDS; round++) {
  const bench = new Bench({ time: round < 0 ? 500 : 100, warmup: round < 0 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  if (round < 0) continue;
  for (const task of bench.tasks) {
    const r = task.result;
    if (!('period' in r)) throw new Error(`no result for ${task.name}`);
    periods.set(task.name, [...(periods.get(task.name) ?? []), r.period]);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const rows = ['getProductBySlug', 'listProducts 24'].map((op) => {
  const core = periods.get(`${op} · core`)!;
  const base = periods.get(`${op} · raw`)!;
  const ratios = core.map((c, r) => c / base[r]!);
  const ratio = median(ratios);
  return {
    operation: op,
    'core ops/s': Math.round(1000 / median(core)),
    'raw ops/s': Math.round(1000 / median(base)),
    'core µs': Math.round(median(core) * 1000),
    'raw µs': Math.round(median(base) * 1000),
    'ratio (median)': `${ratio.toFixed(2)}×`,
    'ratio min–max': `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
    [`goal ≤ ${GOAL}×`]: ratio <= GOAL ? 'met' : 'MISSED',
  };
});
console.log(`${ROUNDS} rounds, ${SAMPLE} products / shops visited in turn`);
console.table(rows);

raw.close();
await db.close();
if (setting('CATALOG_KEEP', 0) || !dir) console.log(`kept ${file}`);
else rmSync(dir, { recursive: true, force: true });
