import type { FxRateRecord, LatestRate } from '@aldea/core';
import { z } from '@hono/zod-openapi';
import { Currency, DateTime, iso } from './common.js';

export const FxRate = z
  .object({
    id: z.string(),
    base: Currency,
    quote: Currency,
    rate: z
      .string()
      .openapi({ description: 'Exact decimal: 1 base = rate quote.', example: '19.85' }),
    source: z.enum(['manual', 'ecb']),
    asOf: DateTime,
    fetchedAt: DateTime,
    freshness: z.enum(['fresh', 'stale', 'too_old']).optional(),
  })
  .openapi('FxRate');

export function toFxRate(r: FxRateRecord | LatestRate): z.infer<typeof FxRate> {
  return {
    id: r.id,
    base: r.base,
    quote: r.quote,
    rate: r.rate,
    source: r.source,
    asOf: iso(r.asOf),
    fetchedAt: iso(r.fetchedAt),
    ...('freshness' in r ? { freshness: r.freshness } : {}),
  };
}

export const EcbImportResult = z
  .object({
    days: z.number().int(),
    inserted: z.number().int(),
    unchanged: z.number().int(),
    latestDay: z.string().openapi({ example: '2026-11-24' }),
    ignoredCurrencies: z.array(z.string()),
  })
  .openapi('EcbImportResult');
