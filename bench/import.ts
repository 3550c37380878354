/**
 * Bulk product import: seconds and peak memory for 1,000, 10,000 and 100,000
 * CSV rows (two variants per product, texts in two languages), each size in a
 * fresh process and a fresh database, so the numbers do not mix.
 *
 *   npm run bench -- import
 *
 * Goals (issue 8): 10,000 rows in ≤ 10 s; memory flat as the file grows
 * (the file is streamed: only one product and one batch of 100 are held).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createShop,
  createVillage,
  fileSource,
  importProducts,
  openSqlite,
  platformContext,
  shopContext,
} from '@aldea/core';

const SIZES = [1_000, 10_000, 100_000];
const GOAL_SECONDS = 10;
const MB = 1024 * 1024;

async function writeSheet(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    'product,sku,title_es-MX,title_en,description_es-MX,option1_name,option1_value,price,stock,weight_g,processing_days,made_to_order\n',
  );
  for (let i = 0; i < rows; i++) {
    const p = Math.floor(i / 2);
    const size = i % 2 === 0 ? '20 cm' : '25 cm';
    const first = i % 2 === 0;
    await write(
      `molcajete-${p},MOL-${i},${first ? `Molcajete ${p}` : ''},${first ? `Molcajete ${p}` : ''},${first ? '"Piedra volcánica, tallado a mano"' : ''},Tamaño,${size},${850 + (i % 7) * 50}.00,${i % 9},${4200 + (i % 2) * 1900},5,no\n`,
    );
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/** One size, in this process: prints a JSON line. */
async function child(rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-bench-import-'));
  try {
    const file = join(dir, 'sheet.csv');
    await writeSheet(file, rows);
    const db = openSqlite({ file: join(dir, 'bench.db') });
    await db.migrate();
    const platform = platformContext(db);
    const v = await createVillage(platform, {
      slug: 'comonfort',
      country: 'MX',
      defaultLocale: 'es-MX',
      defaultCurrency: 'MXN',
      texts: { en: { name: 'Comonfort' } },
    });
    const s = await createShop(platform, {
      villageId: v.id,
      slug: 'taller',
      baseCurrency: 'MXN',
      defaultLocale: 'es-MX',
      locales: ['en'],
      texts: { 'es-MX': { name: 'Taller' } },
    });
    const shop = await shopContext(platform, s.id);
    globalThis.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakLive = base.heapUsed;
    let lastGc = 0;
    const sample = () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      // What the import really holds: the heap right after a collection, twice a second.
      if (globalThis.gc && performance.now() - lastGc > 500) {
        globalThis.gc();
        lastGc = performance.now();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      }
    };
    const timer = setInterval(sample, 20);
    const started = performance.now();
    const report = await importProducts(shop, fileSource(file), {
      mode: 'all-or-nothing',
      onProgress: sample,
    });
    const seconds = (performance.now() - started) / 1000;
    const again = performance.now();
    const second = await importProducts(shop, fileSource(file), { mode: 'all-or-nothing' });
    const reimport = (performance.now() - again) / 1000;
    clearInterval(timer);
    sample();
    if (report.errors > 0 || report.created !== rows / 2 || second.unchanged !== rows / 2) {
      throw new Error(
        `unexpected report: ${JSON.stringify({ ...report, problems: report.problems.slice(0, 3) })}`,
      );
    }
    await db.close();
    console.log(
      JSON.stringify({
        rows,
        products: report.created,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(rows / seconds),
        reimportSeconds: Number(reimport.toFixed(2)),
        peakRssMB: Number(((peakRss - base.rss) / MB).toFixed(1)),
        liveHeapMB: Number(((peakLive - base.heapUsed) / MB).toFixed(1)),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]));
} else {
  const sizes = process.argv[2] ? [Number(process.argv[2])] : SIZES;
  const results = [];
  for (const rows of sizes) {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--child', String(rows)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (r.status !== 0) throw new Error(`bench child for ${rows} rows failed:\n${r.stdout}`);
    const line = JSON.parse(r.stdout.trim().split('\n').pop()!);
    results.push(line);
    console.log(
      `${String(rows).padStart(7)} rows: ${line.seconds.toFixed(2)} s (${line.rowsPerSecond} rows/s), re-import ${line.reimportSeconds.toFixed(2)} s, +${line.peakRssMB} MB RSS at peak, +${line.liveHeapMB} MB live heap at peak`,
    );
  }
  const ten = results.find((r) => r.rows === 10_000);
  if (ten)
    console.log(
      `goal: 10,000 rows in ≤ ${GOAL_SECONDS} s — ${ten.seconds <= GOAL_SECONDS ? 'met' : 'NOT met'} (${ten.seconds} s)`,
    );
}
