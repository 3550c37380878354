import type { PriceResult, Pricer } from '@aldea/core';
import { z } from '@hono/zod-openapi';
import { Currency, DateTime, iso } from './common.js';

const Conversion = z
  .object({
    from: Currency,
    rate: z.string().openapi({
      description: 'Exact decimal: 1 `from` = `rate` of the price’s currency.',
      example: '0.1409776499',
    }),
    asOf: DateTime,
    stale: z.boolean().openapi({ description: 'The rate is older than five days (still used).' }),
    marginBps: z
      .number()
      .int()
      .openapi({ description: 'FX margin in basis points (250 = 2.5 %).' }),
  })
  .openapi('Conversion');

/** What a buyer paying in one currency pays for a variant — or why they cannot. */
export const Price = z
  .discriminatedUnion('available', [
    z.object({
      available: z.literal(true),
      amountMinor: z
        .number()
        .int()
        .openapi({ description: 'Integer minor units of `currency`.', example: 1299 }),
      currency: Currency,
      source: z.enum(['fixed', 'base', 'converted']).openapi({
        description:
          '`fixed`: set by the seller for this currency; `base`: the seller’s own currency; `converted`: converted and rounded.',
      }),
      conversion: Conversion.nullable(),
    }),
    z.object({
      available: z.literal(false),
      currency: Currency,
      reason: z.enum(['NO_RATE', 'RATE_TOO_OLD', 'CURRENCY_NOT_OFFERED', 'AMOUNT_TOO_LARGE']),
    }),
  ])
  .openapi('Price');
export type Price = z.infer<typeof Price>;

/** Maps core's price result (never a float, never a made-up 0). */
export function toPrice(result: PriceResult, currency: string): Price {
  if (!result.ok) return { available: false, currency, reason: result.reason };
  const p = result.provenance;
  return {
    available: true,
    amountMinor: result.amount.amountMinor,
    currency: result.amount.currency,
    source: p.kind,
    conversion:
      p.kind === 'converted'
        ? { from: p.from, rate: p.rate, asOf: iso(p.asOf), stale: p.stale, marginBps: p.marginBps }
        : null,
  };
}

/** Prices a variant with a pricer. */
export function priceWith(
  pricer: Pricer,
  v: { priceMinor: number; fixedPrices: Partial<Record<string, number>> },
): Price {
  return toPrice(pricer.price(v), pricer.currency);
}

/** The lowest available price of some, or `null` when none is available. */
export function lowest(prices: Price[]): Price | null {
  let best: Price | null = null;
  for (const p of prices) {
    if (p.available && (!best?.available || p.amountMinor < best.amountMinor)) best = p;
  }
  return best;
}
