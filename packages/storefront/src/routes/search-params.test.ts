import { describe, expect, it } from 'vitest';
import {
  collectFiltered,
  filterParams,
  matchesFilters,
  readSearchFilters,
} from './search-params.js';

const query = (params: Record<string, string>) => (k: string) => params[k];
const pricer = {
  currency: 'USD',
  price: (v: { priceMinor: number; fixedPrices: Partial<Record<string, number>> }) =>
    v.priceMinor < 0
      ? ({ ok: false, reason: 'NO_RATE' } as const)
      : ({ ok: true, amount: { amountMinor: v.priceMinor, currency: 'USD' } } as const),
};
const product = (prices: number[], inStock = true, madeToOrder = false) => ({
  inStock,
  madeToOrder,
  variants: prices.map((priceMinor) => ({ priceMinor, fixedPrices: {} })),
});

describe('readSearchFilters', () => {
  it('reads text, kind, stock and a price range in the buyer’s currency', () => {
    const f = readSearchFilters(
      query({ q: '  molcajete   grande ', kind: 'made', stock: '1', min: '10', max: '99.50' }),
      'USD',
    );
    expect(f).toMatchObject({ q: 'molcajete grande', kind: 'made', inStock: true, ignored: false });
    expect(f.min).toEqual({ amountMinor: 1000, currency: 'USD' });
    expect(f.max).toEqual({ amountMinor: 9950, currency: 'USD' });
    expect(filterParams(f)).toEqual({
      q: 'molcajete grande',
      stock: '1',
      kind: 'made',
      min: '10.00',
      max: '99.50',
    });
  });

  it.each([
    [{ min: 'abc' }],
    [{ max: '12.345' }],
    [{ min: '-5' }],
    [{ max: '1e999' }],
    [{ kind: 'weird' }],
    [{ min: '9'.repeat(40) }],
  ])('ignores %j and says so', (params) => {
    const f = readSearchFilters(query(params), 'USD');
    expect(f.ignored).toBe(true);
    expect(f.min).toBeUndefined();
    expect(f.max).toBeUndefined();
    expect(f.kind).toBe('any');
  });

  it('cuts a long query to 100 characters', () => {
    expect(readSearchFilters(query({ q: 'x'.repeat(500) }), 'USD').q).toHaveLength(100);
  });

  it('reads JPY amounts without decimals', () => {
    expect(readSearchFilters(query({ min: '1500' }), 'JPY').min).toEqual({
      amountMinor: 1500,
      currency: 'JPY',
    });
    expect(readSearchFilters(query({ min: '1500.5' }), 'JPY').ignored).toBe(true);
  });
});

describe('matchesFilters', () => {
  const f = (params: Record<string, string>) => readSearchFilters(query(params), 'USD');
  it('passes a product when some variant’s price is in the range', () => {
    expect(matchesFilters(product([500, 2500]), f({ min: '20', max: '30' }), pricer)).toBe(true);
    expect(matchesFilters(product([500, 4000]), f({ min: '20', max: '30' }), pricer)).toBe(false);
  });
  it('never passes an unpriceable variant through a price filter', () => {
    expect(matchesFilters(product([-1]), f({ max: '30' }), pricer)).toBe(false);
    expect(matchesFilters(product([-1]), f({}), pricer)).toBe(true);
  });
  it('applies stock and kind', () => {
    expect(matchesFilters(product([1], false), f({ stock: '1' }), pricer)).toBe(false);
    expect(matchesFilters(product([1], true, true), f({ kind: 'ready' }), pricer)).toBe(false);
    expect(matchesFilters(product([1], true, false), f({ kind: 'made' }), pricer)).toBe(false);
  });
});

describe('collectFiltered', () => {
  const pages = [
    { items: [1, 2, 3], nextCursor: 'b' },
    { items: [4, 5, 6], nextCursor: 'c' },
    { items: [7, 8, 9], nextCursor: 'd' },
    { items: [10, 11, 12], nextCursor: 'e' },
    { items: [13], nextCursor: null },
  ];
  const fetchPage = async (cursor: string | undefined) => pages['abcde'.indexOf(cursor ?? 'a')]!;

  it('reads on until the page is full, then continues from the last page read', async () => {
    const r = await collectFiltered(fetchPage, (xs) => xs.filter((x) => x % 2 === 0), undefined, 3);
    expect(r).toEqual({ items: [2, 4, 6], nextCursor: 'c' });
    const next = await collectFiltered(
      fetchPage,
      (xs) => xs.filter((x) => x % 2 === 0),
      r.nextCursor!,
      3,
    );
    expect(next).toEqual({ items: [8, 10, 12], nextCursor: 'e' });
  });

  it('reads at most 4 catalog pages for one results page', async () => {
    let reads = 0;
    const r = await collectFiltered(
      async (c) => {
        reads++;
        return fetchPage(c);
      },
      () => [],
      undefined,
      3,
    );
    expect(reads).toBe(4);
    expect(r).toEqual({ items: [], nextCursor: 'e' });
  });
});
