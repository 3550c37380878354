/**
 * Price resolution for a 48-product grid in 6 buyer currencies (288 prices per
 * run), against bare arithmetic measured in the same run.
 *
 *   npm run bench -- pricing
 *
 * Goal (issue 4): < 5 µs per price on the storefront path (`pricer.price`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createShop,
  createVillage,
  defaultRoundingRule,
  deriveRate,
  importEcbRates,
  loadLatestRates,
  loadPricers,
  openSqlite,
  type PriceResult,
  platformContext,
  resolvePrice,
  shopContext,
} from '@aldea/core';
import { Bench } from 'tinybench';

const PRODUCTS = 48;
const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'KRW'];
const PRICES = PRODUCTS * CURRENCIES.length;
const GOAL_US = 5;

const dir = mkdtempSync(join(tmpdir(), 'aldea-bench-pricing-'));
const db = openSqlite({ file: join(dir, 'bench.db') });
await db.migrate();
const platform = platformContext(db, { clock: { now: () => new Date('2026-11-25T10:00:00Z') } });
await importEcbRates(platform, {
  file: fileURLToPath(
    new URL('../packages/core/test/fixtures/ecb/eurofxref-daily.xml', import.meta.url),
  ),
});
const village = await createVillage(platform, {
  slug: 'bainiu',
  country: 'CN',
  defaultLocale: 'zh-CN',
  defaultCurrency: 'CNY',
  texts: { en: { name: 'Bainiu' } },
});
const created = await createShop(platform, {
  villageId: village.id,
  slug: 'hickory',
  baseCurrency: 'CNY',
  buyerCurrencies: CURRENCIES,
  defaultLocale: 'zh-CN',
  status: 'live',
  texts: { en: { name: 'Hickory' } },
});
const ctx = await shopContext(platform, created.id);

// A deterministic grid: 88–2,000 CNY, every sixth product with a fixed USD price.
const grid = Array.from({ length: PRODUCTS }, (_, i) => ({
  priceMinor: 8800 + ((i * 7919) % 191_200),
  fixedPrices: i % 6 === 0 ? { USD: 1500 + i } : undefined,
}));

const pricers = await loadPricers(ctx, CURRENCIES);
const latest = await loadLatestRates(db.read, { currencies: [...CURRENCIES], shopId: ctx.shop.id });
const rates = new Map(CURRENCIES.map((c) => [c, deriveRate(latest, 'CNY', c)]));
const floatRates = new Map(CURRENCIES.map((c) => [c, Number(rates.get(c)?.display ?? 1)]));
const bigRates = new Map(
  CURRENCIES.map((c) => [
    c,
    { n: BigInt(Math.round((floatRates.get(c) ?? 1) * 1e10)), d: 10n ** 10n },
  ]),
);
const rules = new Map(CURRENCIES.map((c) => [c, defaultRoundingRule(c)]));
const now = platform.clock.now();

let sink = 0;
const keep = (r: PriceResult) => {
  if (r.ok) sink += r.amount.amountMinor;
};

const bench = new Bench({ time: 1500, warmup: true });
bench
  .add('baseline: float multiply + Math.round (not money-safe)', () => {
    for (const c of CURRENCIES) {
      const rate = floatRates.get(c)!;
      for (const p of grid) sink += Math.round(p.priceMinor * rate);
    }
  })
  .add('baseline: bigint multiply + divide', () => {
    for (const c of CURRENCIES) {
      const { n, d } = bigRates.get(c)!;
      for (const p of grid) sink += Number((BigInt(p.priceMinor) * n) / d);
    }
  })
  .add('pricer.price (storefront path)', () => {
    for (const c of CURRENCIES) {
      const pricer = pricers.get(c)!;
      for (const p of grid) keep(pricer.price(p));
    }
  })
  .add('resolvePrice (pure, rates reused)', () => {
    for (const c of CURRENCIES) {
      const rate = rates.get(c);
      const rule = rules.get(c)!;
      for (const p of grid) {
        keep(
          resolvePrice({
            baseAmountMinor: p.priceMinor,
            baseCurrency: 'CNY',
            fixedPrices: p.fixedPrices,
            buyerCurrency: c,
            rate,
            rule,
            marginBps: 0,
            now,
          }),
        );
      }
    }
  })
  .add('loadPricers (2 statements) + grid', async () => {
    const fresh = await loadPricers(ctx, CURRENCIES);
    for (const c of CURRENCIES) {
      const pricer = fresh.get(c)!;
      for (const p of grid) keep(pricer.price(p));
    }
  });

await bench.run();

const perPrice = new Map<string, number>();
for (const task of bench.tasks) {
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
  perPrice.set(task.name, (r.latency.mean * 1000) / PRICES);
}
const baseline = perPrice.get('baseline: float multiply + Math.round (not money-safe)')!;
console.log(`${PRODUCTS} products × ${CURRENCIES.length} currencies = ${PRICES} prices per run`);
console.table(
  [...perPrice].map(([task, us]) => ({
    task,
    'µs per price': us.toFixed(3),
    'ratio vs float baseline': (us / baseline).toFixed(1),
  })),
);
const load = perPrice.get('loadPricers (2 statements) + grid')!;
console.log(
  `loading 6 pricers (2 statements) + 288 prices: ${((load * PRICES) / 1000).toFixed(2)} ms per page`,
);
const storefront = perPrice.get('pricer.price (storefront path)')!;
console.log(
  `storefront path: ${storefront.toFixed(3)} µs per price — goal < ${GOAL_US} µs: ${storefront < GOAL_US ? 'met' : 'NOT met'}`,
);
if (sink === Number.NEGATIVE_INFINITY) console.log(sink); // keep the work observable

await db.close();
rmSync(dir, { recursive: true, force: true });
