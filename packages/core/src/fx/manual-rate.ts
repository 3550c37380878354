import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { operatorContext } from '../operator/operator-context.js';
import { shops } from '../schema/tenancy.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import { CurrencyCode } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';
import type { FxRateRecord } from './latest-rates.js';
import { RateText } from './rate-text.js';
import { storeRates } from './store-rates.js';

/** Input of {@link setManualRate}: `1 base = rate quote`. */
export const SetManualRateInput = z
  .object({
    base: CurrencyCode,
    quote: CurrencyCode,
    /** Exact decimal text ("20.15"); numbers are refused so no float sneaks in. */
    rate: RateText,
    /** A shop's own rate (overrides the platform's for that shop only). */
    shopId: z.string().min(1).max(100).optional(),
  })
  .refine((v) => v.base !== v.quote, {
    message: 'base and quote must be different currencies',
    path: ['quote'],
  });
export type SetManualRateInput = z.input<typeof SetManualRateInput>;

/**
 * Stores a manual FX rate as of now; earlier rates stay as history and the
 * newest wins. With a {@link ShopContext} (or `shopId`) it is the shop's own rate,
 * which overrides the platform's for that shop only (needs `settings.write`);
 * a platform rate needs an operator (or the system actor). Audited as `fx.set`.
 *
 * @example
 * await setManualRate(ctx, { base: 'USD', quote: 'MXN', rate: '19.85' });
 * await setManualRate(shopCtx, { base: 'CNY', quote: 'USD', rate: '0.14' }); // this shop only
 * @throws AldeaError VALIDATION (unknown currency, same currency, rate 0, "-1", "1e999", a number),
 *   NOT_FOUND (another shop's id, or not an operator), FORBIDDEN (staff)
 */
export async function setManualRate(
  ctx: PlatformContext | ShopContext,
  raw: SetManualRateInput,
): Promise<FxRateRecord> {
  const input = parseInput(SetManualRateInput, raw);
  let shopId: string | null = null;
  if ('shop' in ctx) {
    authorize(ctx, 'settings.write');
    if (input.shopId !== undefined && input.shopId !== ctx.shop.id) throw notFound('shop');
    shopId = ctx.shop.id;
  } else {
    await operatorContext(ctx);
    shopId = input.shopId ?? null;
  }
  const now = ctx.clock.now();
  const row: FxRateRecord = {
    id: newId('fxRate', now.getTime()),
    shopId,
    base: input.base,
    quote: input.quote,
    rate: input.rate,
    source: 'manual',
    asOf: now,
    fetchedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    if (shopId !== null) {
      const [shop] = await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId));
      if (!shop) throw notFound('shop');
    }
    await storeRates(tx, [row]);
    await recordAudit(tx, ctx, {
      action: 'fx.set',
      entity: 'fx_rates',
      entityId: row.id,
      data: { base: row.base, quote: row.quote, rate: row.rate, shopId },
    });
  });
  return row;
}
