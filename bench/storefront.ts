/**
 * Storefront throughput and latency against bare Hono, at several catalog sizes.
 *
 *   npm run bench -- storefront                     # 1k, 10k and 100k products
 *   STOREFRONT_SIZES=1000,10000,100000,1000000 npm run bench -- storefront
 *
 * For each size: generate a catalog (1,000 shops × 100 products at 100k; the
 * catalog bench's batched generator, two villages, photos, fixed prices), load
 * ECB rates, start the storefront and a bare Hono "hello" route in a child
 * process on 127.0.0.1, and drive both with autocannon (50 connections) in this
 * process: bare hello, a shop page (24 products; prices in USD, EUR and the
 * shop's own currency, in turn) and a product page, in the same run. Prints
 * req/s, p50 and p99 and the ratio to bare Hono (goals: ≥ 0.5× bare, p99 ≤ 50
 * ms), then how p50 grows with the catalog (goal ≤ 1.3× from the smallest), and
 * the product page's transferred bytes without images (goal ≤ 60 KB).
 *
 * Server and load generator share the machine's cores: compare ratios within
 * one run, not absolute numbers across machines.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { importEcbRates, openSqlite, platformContext } from '@aldea/core';
import autocannon from 'autocannon';
import { generateCatalog } from './_catalog-data.js';

const setting = (name: string, fallback: string) => process.env[name] ?? fallback;
const SIZES = setting('STOREFRONT_SIZES', '1000,10000,100000').split(',').map(Number);
const PER_SHOP = 100;
const DURATION_S = Number(setting('STOREFRONT_SECONDS', '8'));
const CONNECTIONS = 50;
const ECB = fileURLToPath(
  new URL('../packages/storefront/test/fixtures/ecb-2026-11-24.xml', import.meta.url),
);
const NOW = new Date('2026-11-25T10:00:00Z');

interface Row {
  products: number;
  target: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

async function prepare(products: number) {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-bench-sf-'));
  const file = join(dir, 'aldea.db');
  const db = openSqlite({ file });
  await db.migrate();
  await db.close();
  const shops = Math.max(1, Math.ceil(products / PER_SHOP));
  const made = generateCatalog(file, { shops, perShop: Math.min(PER_SHOP, products) });
  const ratesDb = openSqlite({ file });
  await importEcbRates(platformContext(ratesDb, { clock: { now: () => NOW } }), { file: ECB });
  await ratesDb.close();
  mkdirSync(join(dir, 'media'));
  return { dir, file, shops, ms: made.ms };
}

async function startServer(
  file: string,
  mediaDir: string,
): Promise<{ child: ChildProcess; ports: { storefront: number; bare: number } }> {
  const child = spawn(
    'npx',
    [
      'tsx',
      '--conditions=aldea-source',
      fileURLToPath(new URL('./_storefront-server.ts', import.meta.url)),
      file,
      mediaDir,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, ports: JSON.parse(first) as { storefront: number; bare: number } };
}

function load(url: string, paths: () => string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** Deterministic spread over shops and products (a cheap LCG, same sequence every run). */
function picker(shops: number) {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const currencies = ['USD', 'EUR', ''];
  let turn = 0;
  return {
    shopPage: () => {
      const s = next(shops);
      const c = currencies[turn++ % 3];
      return `/s/shop-${s}?lang=en${c ? `&currency=${c}` : ''}`;
    },
    productPage: () => {
      const s = next(shops);
      let p = next(PER_SHOP);
      if (p % 10 === 9) p -= 1; // every 10th product is a draft
      return `/s/shop-${s}/p/p-${p}?lang=en&currency=${currencies[turn++ % 2]}`;
    },
  };
}

async function transferred(
  base: string,
): Promise<{ html: number; htmlGzip: number; css: number; cssGzip: number }> {
  const page = await fetch(`${base}/s/shop-0/p/p-0?lang=en&currency=EUR`);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`product page answered ${page.status}`);
  const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  const css = cssHref ? await (await fetch(`${base}${cssHref}`)).text() : '';
  return {
    html: Buffer.byteLength(html),
    htmlGzip: gzipSync(html).length,
    css: Buffer.byteLength(css),
    cssGzip: gzipSync(css).length,
  };
}

const rows: Row[] = [];
let bytes: Awaited<ReturnType<typeof transferred>> | undefined;
for (const products of SIZES) {
  const prepared = await prepare(products);
  console.log(
    `\n${products.toLocaleString('en')} products (${prepared.shops.toLocaleString('en')} shops) generated in ${(prepared.ms / 1000).toFixed(1)} s`,
  );
  const { child, ports } = await startServer(prepared.file, join(prepared.dir, 'media'));
  try {
    const sf = `http://127.0.0.1:${ports.storefront}`;
    bytes ??= await transferred(sf);
    const pick = picker(prepared.shops);
    // Warm up (JIT, SQLite page cache) before measuring.
    await load(sf, pick.productPage);
    const targets: [string, string, () => string][] = [
      ['bare Hono hello', `http://127.0.0.1:${ports.bare}`, () => '/'],
      ['shop page (24 products)', sf, pick.shopPage],
      ['product page', sf, pick.productPage],
    ];
    for (const [target, url, paths] of targets) {
      const r = await load(url, paths);
      rows.push({
        products,
        target,
        reqPerSec: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx,
      });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(prepared.dir, { recursive: true, force: true });
  }
}

console.log(
  `\nautocannon, ${CONNECTIONS} connections, ${DURATION_S} s per target, server in a child process`,
);
console.table(
  rows.map((r) => {
    const bare = rows.find((b) => b.products === r.products && b.target === 'bare Hono hello')!;
    const ratio = r.reqPerSec / bare.reqPerSec;
    const page = r.target !== 'bare Hono hello';
    return {
      products: r.products.toLocaleString('en'),
      target: r.target,
      'req/s': r.reqPerSec,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'errors+non2xx': r.errors,
      '× bare': page ? `${ratio.toFixed(2)}×` : '1.00×',
      'goal ≥ 0.5×': page ? (ratio >= 0.5 ? 'met' : 'MISSED') : '',
      'goal p99 ≤ 50 ms': page ? (r.p99 <= 50 ? 'met' : 'MISSED') : '',
    };
  }),
);

const smallest = SIZES[0]!;
console.log('\np50 growth with the catalog size (goal ≤ 1.3× from the smallest)');
console.table(
  rows
    .filter((r) => r.target !== 'bare Hono hello' && r.products !== smallest)
    .map((r) => {
      const base = rows.find((b) => b.products === smallest && b.target === r.target)!;
      const growth = r.p50 / Math.max(base.p50, 0.1);
      return {
        target: r.target,
        from: smallest.toLocaleString('en'),
        to: r.products.toLocaleString('en'),
        'p50 ms': `${base.p50} → ${r.p50}`,
        growth: `${growth.toFixed(2)}×`,
        'goal ≤ 1.3×': growth <= 1.3 ? 'met' : 'MISSED',
      };
    }),
);

if (bytes) {
  const total = bytes.htmlGzip + bytes.cssGzip;
  console.log(
    `\nproduct page without images: HTML ${(bytes.html / 1024).toFixed(1)} KB (${(bytes.htmlGzip / 1024).toFixed(1)} KB gzip) + CSS ${(bytes.css / 1024).toFixed(1)} KB (${(bytes.cssGzip / 1024).toFixed(1)} KB gzip), no JavaScript = ${(total / 1024).toFixed(1)} KB transferred (goal ≤ 60 KB: ${total <= 60 * 1024 ? 'met' : 'MISSED'})`,
  );
}
