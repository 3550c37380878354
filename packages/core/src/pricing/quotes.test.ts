import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { importEcbRates } from '../fx/import-ecb.js';
import { setManualRate } from '../fx/manual-rate.js';
import { priceQuotes } from '../schema/pricing.js';
import { platformContext } from '../tenancy/context.js';
import {
  createQuote,
  findQuote,
  getQuote,
  isQuoteValid,
  type Quote,
  quoteChanges,
} from './quotes.js';

const daily = fileURLToPath(
  new URL('../../test/fixtures/ecb/eurofxref-daily.xml', import.meta.url),
);

async function setup() {
  const clock = fixedClock(new Date('2026-11-25T10:00:00Z'));
  const db = await makeTestDb();
  await importEcbRates(platformContext(db, { clock }), { file: daily });
  const shop = await makeShop(db, {}, { clock });
  return { db, clock, shop };
}

const lines = [
  { variantId: 'var_a', quantity: 2, priceMinor: 8800 },
  { variantId: 'var_b', quantity: 1, priceMinor: 19_800, fixedPrices: { USD: 2500 } },
];

describe('quotes', () => {
  it('captures per-line amounts, provenance, rate ids and an expiry', async () => {
    const { shop } = await setup();
    const r = await createQuote(shop, { currency: 'USD', lines, ttlMinutes: 15 });
    if (!r.ok) throw new Error(r.reason);
    const { quote } = r;
    expect(quote.id).toMatch(/^quo_/);
    expect(
      quote.lines.map((l) => [l.unit.amountMinor, l.total.amountMinor, l.provenance.kind]),
    ).toEqual([
      [1199, 2398, 'converted'],
      [2500, 2500, 'fixed'],
    ]);
    expect(quote.subtotal).toEqual({ amountMinor: 4898, currency: 'USD' });
    expect(quote.rateIds).toHaveLength(2); // EUR→USD and EUR→CNY
    expect(quote.expiresAt.getTime() - quote.createdAt.getTime()).toBe(15 * 60_000);
    expect(r.note?.from).toBe('CNY');
    expect(await getQuote(shop, quote.id)).toEqual(quote);
  });

  it('keeps the captured amounts when rates move: orders and refunds never re-convert', async () => {
    const { shop } = await setup();
    const r = await createQuote(shop, { currency: 'USD', lines });
    if (!r.ok) throw new Error(r.reason);
    await setManualRate(platformContext(shop.db, { clock: shop.clock }), {
      base: 'CNY',
      quote: 'USD',
      rate: '0.5',
    });
    const stored = await getQuote(shop, r.quote.id);
    expect(stored.subtotal.amountMinor).toBe(4898);
    const again = await createQuote(shop, { currency: 'USD', lines });
    if (!again.ok) throw new Error(again.reason);
    expect(quoteChanges(stored, again.quote)).toEqual([
      {
        variantId: 'var_a',
        before: { amountMinor: 1199, currency: 'USD' },
        after: { amountMinor: 4399, currency: 'USD' },
      }, // 44.00 → .99
    ]);
  });

  it('is valid strictly before its expiry', async () => {
    const { shop, clock } = await setup();
    const r = await createQuote(shop, { currency: 'JPY', lines, ttlMinutes: 30 });
    if (!r.ok) throw new Error(r.reason);
    expect(isQuoteValid(r.quote, clock.now())).toBe(true);
    clock.advance(30 * 60_000 - 1);
    expect(isQuoteValid(r.quote, clock.now())).toBe(true);
    clock.advance(1);
    expect(isQuoteValid(r.quote, clock.now())).toBe(false);
  });

  it('stores nothing when a line cannot be priced, and says which and why', async () => {
    const { db, shop } = await setup();
    const r = await createQuote(shop, { currency: 'GBP', lines });
    expect(r).toEqual({
      ok: false,
      reason: 'CURRENCY_NOT_OFFERED',
      variantIds: ['var_a', 'var_b'],
    });
    const b = await makeShop(db, { buyerCurrencies: ['CLP'] }); // the ECB has no CLP rate
    const noRate = await createQuote(b, {
      currency: 'CLP',
      lines: [
        ...lines,
        { variantId: 'var_c', quantity: 1, priceMinor: 100, fixedPrices: { CLP: 5000 } },
      ],
    });
    expect(noRate).toEqual({ ok: false, reason: 'NO_RATE', variantIds: ['var_a', 'var_b'] });
    expect(await db.read.select().from(priceQuotes)).toHaveLength(0);
  });

  it('rejects bad input with field names', async () => {
    const { shop } = await setup();
    for (const [input, path] of [
      [{ currency: 'USD', lines: [] }, 'lines'],
      [
        { currency: 'USD', lines: [{ variantId: 'v', quantity: 0, priceMinor: 1 }] },
        'lines.0.quantity',
      ],
      [
        { currency: 'USD', lines: [{ variantId: 'v', quantity: 1, priceMinor: -1 }] },
        'lines.0.priceMinor',
      ],
      [
        {
          currency: 'USD',
          lines: [{ variantId: 'v', quantity: 1, priceMinor: 1, fixedPrices: { XYZ: 1 } }],
        },
        'lines.0.fixedPrices.XYZ',
      ],
      [{ currency: 'USD', lines, ttlMinutes: 0 }, 'ttlMinutes'],
      [{ currency: 'US', lines }, 'currency'],
    ] as const) {
      await expect(createQuote(shop, input as never)).rejects.toMatchObject({
        code: 'VALIDATION',
        issues: expect.arrayContaining([expect.objectContaining({ path })]),
      });
    }
  });

  it("shop B cannot read shop A's quote", async () => {
    const { db, shop: a } = await setup();
    const b = await makeShop(db);
    const r = await createQuote(a, { currency: 'USD', lines });
    if (!r.ok) throw new Error(r.reason);
    await expect(getQuote(b, r.quote.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await findQuote(b, r.quote.id)).toBeUndefined();
  });

  it('lists lines that appeared or disappeared between quotes', () => {
    const base = {
      id: 'q',
      shopId: 's',
      currency: 'USD',
      baseCurrency: 'CNY',
      subtotal: { amountMinor: 0, currency: 'USD' },
      rateIds: [],
      createdAt: new Date(0),
      expiresAt: new Date(0),
    };
    const line = (variantId: string, amountMinor: number) => ({
      variantId,
      quantity: 1,
      basePriceMinor: 1,
      unit: { amountMinor, currency: 'USD' },
      total: { amountMinor, currency: 'USD' },
      provenance: { kind: 'fixed' as const },
    });
    const before: Quote = { ...base, lines: [line('a', 100), line('b', 200)] };
    const after: Quote = { ...base, lines: [line('b', 200), line('c', 300)] };
    expect(quoteChanges(before, after).map((c) => c.variantId)).toEqual(['a', 'c']);
  });
});
