import { type CartPricer, type Money, parseAmount, toDecimalString } from '@aldea/core';

/** Longest search text we pass on (longer input is cut, not refused). */
export const MAX_QUERY = 100;

/** Search filters as the page understood them. */
export interface SearchFilters {
  q: string;
  inStock: boolean;
  kind: 'any' | 'ready' | 'made';
  min: Money | undefined;
  max: Money | undefined;
  /** Some value was not understood and was ignored (the page says so). */
  ignored: boolean;
}

function amount(text: string | undefined, currency: string): { value?: Money; bad: boolean } {
  const raw = text?.trim() ?? '';
  if (raw === '') return { bad: false };
  if (raw.length > 20) return { bad: true };
  try {
    const value = parseAmount(raw, currency);
    return value.amountMinor >= 0 ? { value, bad: false } : { bad: true };
  } catch {
    return { bad: true };
  }
}

/**
 * Reads search filters from the query string. Nothing here is an error: an
 * over-long query is cut, an unknown `kind` is "any", a price that is not a
 * price in the buyer's currency is ignored (and flagged, so the page says so).
 */
export function readSearchFilters(
  query: (key: string) => string | undefined,
  currency: string,
): SearchFilters {
  const q = (query('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  const kindRaw = query('kind');
  const kind = kindRaw === 'ready' || kindRaw === 'made' ? kindRaw : 'any';
  const min = amount(query('min'), currency);
  const max = amount(query('max'), currency);
  return {
    q,
    inStock: query('stock') === '1',
    kind,
    min: min.value,
    max: max.value,
    ignored:
      min.bad ||
      max.bad ||
      (kindRaw !== undefined && kindRaw !== '' && kind === 'any' && kindRaw !== 'any'),
  };
}

/** Catalog filter options for these filters. */
export function catalogFilters(f: SearchFilters): { inStock?: boolean; madeToOrder?: boolean } {
  return {
    ...(f.inStock ? { inStock: true } : {}),
    ...(f.kind === 'ready'
      ? { madeToOrder: false }
      : f.kind === 'made'
        ? { madeToOrder: true }
        : {}),
  };
}

/** The query parameters that reproduce these filters in a link. */
export function filterParams(f: SearchFilters): Record<string, string | undefined> {
  return {
    q: f.q || undefined,
    stock: f.inStock ? '1' : undefined,
    kind: f.kind === 'any' ? undefined : f.kind,
    min: f.min ? toDecimalString(f.min) : undefined,
    max: f.max ? toDecimalString(f.max) : undefined,
  };
}

type Filterable = {
  inStock: boolean;
  madeToOrder: boolean;
  variants: readonly { priceMinor: number; fixedPrices: Partial<Record<string, number>> }[];
};

/**
 * Whether a product passes the filters the catalog query could not apply
 * itself: the price range, in the buyer's currency (some variant's price must
 * fall inside it), and, for village listings, stock and kind.
 */
export function matchesFilters(p: Filterable, f: SearchFilters, pricer: CartPricer): boolean {
  if (f.inStock && !p.inStock) return false;
  if (f.kind === 'ready' && p.madeToOrder) return false;
  if (f.kind === 'made' && !p.madeToOrder) return false;
  if (!f.min && !f.max) return true;
  return p.variants.some((v) => {
    const r = pricer.price(v);
    if (!r.ok) return false;
    if (f.min && r.amount.amountMinor < f.min.amountMinor) return false;
    if (f.max && r.amount.amountMinor > f.max.amountMinor) return false;
    return true;
  });
}

/** How many catalog pages one results page may read while filtering (bounds the SQL per page). */
export const MAX_FILTER_BATCHES = 4;

/**
 * One results page when some filters apply after the query: reads catalog
 * pages of `size` until `size` items passed or {@link MAX_FILTER_BATCHES} were
 * read, and continues from the last page read. A page may hold fewer items than
 * `size` (or up to twice as many, never cut mid-page, so nothing is skipped).
 */
export async function collectFiltered<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  keep: (items: T[]) => T[] | Promise<T[]>,
  cursor: string | undefined,
  size: number,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const items: T[] = [];
  let next: string | null = cursor ?? null;
  for (let batch = 0; batch < MAX_FILTER_BATCHES; batch++) {
    const page = await fetchPage(next ?? undefined);
    items.push(...(await keep(page.items)));
    next = page.nextCursor;
    if (!next || items.length >= size) break;
  }
  return { items, nextCursor: next };
}
