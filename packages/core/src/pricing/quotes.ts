import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cachedSelect } from '../catalog/prepared.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { type Money, multiplyMoney, sumMoney } from '../money/money.js';
import { priceQuotes } from '../schema/pricing.js';
import type { ShopContext } from '../tenancy/context.js';
import { CurrencyCode } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';
import { loadPricer, type PriceNote } from './load-pricer.js';
import type { PriceProvenance, PriceUnavailableReason } from './resolve-price.js';

const MinorAmount = z.number().int('must be whole minor units').min(0).max(Number.MAX_SAFE_INTEGER);

/** Input of {@link createQuote}. */
export const CreateQuoteInput = z.object({
  currency: CurrencyCode,
  lines: z
    .array(
      z.object({
        variantId: z.string().min(1).max(100),
        quantity: z.number().int('must be a whole number').min(1).max(10_000),
        priceMinor: MinorAmount,
        fixedPrices: z.record(CurrencyCode, MinorAmount).optional(),
      }),
    )
    .min(1, 'a quote needs at least one line')
    .max(200),
  /** How long the buyer may pay the quoted amounts (default 30 min, at most 24 h). */
  ttlMinutes: z.number().int().min(1).max(1440).default(30),
});
export type CreateQuoteInput = z.input<typeof CreateQuoteInput>;

/** One quoted line: the captured unit and line amounts with how they were priced. */
export interface QuoteLine {
  variantId: string;
  quantity: number;
  /** The base price it was priced from (shop currency, minor units). */
  basePriceMinor: number;
  unit: Money;
  total: Money;
  provenance: PriceProvenance;
}

/** A captured price quote. Orders keep it; refunds use its amounts, never a new conversion. */
export interface Quote {
  id: string;
  shopId: string;
  currency: string;
  baseCurrency: string;
  lines: QuoteLine[];
  subtotal: Money;
  rateIds: string[];
  createdAt: Date;
  expiresAt: Date;
}

/** The result of {@link createQuote}: a quote, or which lines cannot be priced and why. */
export type CreateQuoteResult =
  | { ok: true; quote: Quote; note: PriceNote | undefined }
  | { ok: false; reason: PriceUnavailableReason; variantIds: string[] };

function revive(lines: unknown[]): QuoteLine[] {
  return (lines as QuoteLine[]).map((l) =>
    l.provenance.kind === 'converted'
      ? { ...l, provenance: { ...l.provenance, asOf: new Date(l.provenance.asOf) } }
      : l,
  );
}

function toQuote(row: typeof priceQuotes.$inferSelect): Quote {
  return {
    id: row.id,
    shopId: row.shopId,
    currency: row.currency,
    baseCurrency: row.baseCurrency,
    lines: revive(row.lines),
    subtotal: { amountMinor: row.subtotalMinor, currency: row.currency },
    rateIds: row.rateIds,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

/**
 * Prices a cart's lines in the buyer currency and captures the result as a
 * quote with an expiry: within its lifetime the buyer pays exactly these
 * amounts. Lines that cannot be priced make the whole quote `{ ok: false }`
 * (nothing is stored), naming the variants and the reason.
 *
 * @example
 * const r = await createQuote(ctx, { currency: 'USD', lines: [{ variantId, quantity: 2, priceMinor: 8800 }] });
 * if (r.ok) r.quote.subtotal; // { amountMinor: 2598, currency: 'USD' }
 * @throws AldeaError VALIDATION (bad currency, quantity 0, no lines…)
 */
export async function createQuote(
  ctx: ShopContext,
  raw: CreateQuoteInput,
): Promise<CreateQuoteResult> {
  const input = parseInput(CreateQuoteInput, raw);
  const pricer = await loadPricer(ctx, input.currency);
  const lines: QuoteLine[] = [];
  const failed = new Map<PriceUnavailableReason, string[]>();
  for (const l of input.lines) {
    const r = pricer.price({
      priceMinor: l.priceMinor,
      ...(l.fixedPrices ? { fixedPrices: l.fixedPrices } : {}),
    });
    if (!r.ok) {
      failed.set(r.reason, [...(failed.get(r.reason) ?? []), l.variantId]);
      continue;
    }
    lines.push({
      variantId: l.variantId,
      quantity: l.quantity,
      basePriceMinor: l.priceMinor,
      unit: r.amount,
      total: multiplyMoney(r.amount, l.quantity),
      provenance: r.provenance,
    });
  }
  const [firstFailure] = failed;
  if (firstFailure) return { ok: false, reason: firstFailure[0], variantIds: firstFailure[1] };

  const now = ctx.clock.now();
  const quote: Quote = {
    id: newId('quote', now.getTime()),
    shopId: ctx.shop.id,
    currency: input.currency,
    baseCurrency: ctx.shop.baseCurrency,
    lines,
    subtotal: sumMoney(
      lines.map((l) => l.total),
      input.currency,
    ),
    rateIds: [
      ...new Set(
        lines.flatMap((l) => (l.provenance.kind === 'converted' ? l.provenance.rateIds : [])),
      ),
    ],
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.ttlMinutes * 60_000),
  };
  await ctx.db.transaction((tx) =>
    tx.insert(priceQuotes).values({
      shopId: quote.shopId,
      id: quote.id,
      currency: quote.currency,
      baseCurrency: quote.baseCurrency,
      subtotalMinor: quote.subtotal.amountMinor,
      lines: quote.lines,
      rateIds: quote.rateIds,
      createdAt: quote.createdAt,
      expiresAt: quote.expiresAt,
    }),
  );
  return { ok: true, quote, note: pricer.note };
}

/** A quote of the context's shop, or `undefined` (another shop's id included). */
export async function findQuote(ctx: ShopContext, id: string): Promise<Quote | undefined> {
  const db = ctx.db.read;
  // Prepared once per connection: placing an order reads its quote every time.
  const [row] = cachedSelect(db, 'pricing.quote', getTableColumns(priceQuotes), (fields) =>
    db
      .select(fields)
      .from(priceQuotes)
      .where(
        and(
          eq(priceQuotes.shopId, sql.placeholder('shopId')),
          eq(priceQuotes.id, sql.placeholder('id')),
        ),
      )
      .prepare(),
  ).all({ shopId: ctx.shop.id, id });
  return row ? toQuote(row) : undefined;
}

/**
 * A quote of the context's shop.
 *
 * @throws AldeaError NOT_FOUND, also for another shop's quote id
 */
export async function getQuote(ctx: ShopContext, id: string): Promise<Quote> {
  const quote = await findQuote(ctx, id);
  if (!quote) throw notFound('quote');
  return quote;
}

/**
 * True while the buyer may still pay the quoted amounts (strictly before `expiresAt`).
 *
 * @example
 * if (!isQuoteValid(quote, ctx.clock.now())) quote = await createQuote(ctx, …); // and tell the buyer
 */
export function isQuoteValid(quote: Pick<Quote, 'expiresAt'>, now: Date): boolean {
  return now.getTime() < quote.expiresAt.getTime();
}

/** A line whose price moved between two quotes (to tell the buyer after a re-quote). */
export interface QuoteChange {
  variantId: string;
  before: Money | undefined;
  after: Money | undefined;
}

/**
 * The lines whose unit price differs between an expired quote and its
 * replacement (or that appeared or disappeared): what the buyer must be told.
 */
export function quoteChanges(before: Quote, after: Quote): QuoteChange[] {
  const old = new Map(before.lines.map((l) => [l.variantId, l.unit]));
  const now = new Map(after.lines.map((l) => [l.variantId, l.unit]));
  const changes: QuoteChange[] = [];
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(id);
    const b = now.get(id);
    if (a?.amountMinor !== b?.amountMinor || a?.currency !== b?.currency) {
      changes.push({ variantId: id, before: a, after: b });
    }
  }
  return changes;
}
