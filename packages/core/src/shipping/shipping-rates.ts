import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { shippingRates, shippingZones } from '../schema/shipping.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import {
  RateBandCheck,
  type ShippingRateInput as RateInput,
  type UpdateShippingRateInput as RateUpdate,
  ShippingRateInput,
  UpdateShippingRateInput,
} from './schemas.js';
import { type ShippingRateView, toRateView } from './views.js';

/**
 * Adds a rate to a zone: a weight band, a price in the shop's base currency, a
 * delivery estimate and an optional free-shipping threshold. Needs
 * `settings.write`; audited (it is a price).
 */
export async function createShippingRate(
  ctx: ShopContext,
  raw: RateInput,
): Promise<ShippingRateView> {
  authorize(ctx, 'settings.write');
  const input = parseInput(ShippingRateInput, raw);
  const now = ctx.clock.now();
  const id = newId('shippingRate', now.getTime());
  return ctx.db.transaction(async (tx) => {
    const [zone] = await tx
      .select({ id: shippingZones.id })
      .from(shippingZones)
      .where(and(eq(shippingZones.shopId, ctx.shop.id), eq(shippingZones.id, input.zoneId)));
    if (!zone) throw notFound('shipping zone');
    const [row] = await tx
      .insert(shippingRates)
      .values({ shopId: ctx.shop.id, id, ...input, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'shipping.rate.create',
      entity: 'shipping_rate',
      entityId: id,
      data: { ...input, currency: ctx.shop.baseCurrency },
    });
    return toRateView(row!, ctx.shop.baseCurrency);
  });
}

/** Changes a rate. Needs `settings.write`; audited. */
export async function updateShippingRate(
  ctx: ShopContext,
  rateId: string,
  raw: RateUpdate,
): Promise<ShippingRateView> {
  authorize(ctx, 'settings.write');
  const input = parseInput(UpdateShippingRateInput, raw);
  const now = ctx.clock.now();
  const where = and(eq(shippingRates.shopId, ctx.shop.id), eq(shippingRates.id, rateId));
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(shippingRates).where(where);
    if (!current) throw notFound('shipping rate');
    const merged = { ...current, ...input };
    parseInput(RateBandCheck, merged);
    const [row] = await tx
      .update(shippingRates)
      .set({ ...input, updatedAt: now })
      .where(where)
      .returning();
    await recordAudit(tx, ctx, {
      action: 'shipping.rate.update',
      entity: 'shipping_rate',
      entityId: rateId,
      data: { ...input, currency: ctx.shop.baseCurrency },
    });
    return toRateView(row!, ctx.shop.baseCurrency);
  });
}

/** Deletes a rate. Needs `settings.write`; audited. Orders keep their own copy. */
export async function deleteShippingRate(ctx: ShopContext, rateId: string): Promise<void> {
  authorize(ctx, 'settings.write');
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(shippingRates)
      .where(and(eq(shippingRates.shopId, ctx.shop.id), eq(shippingRates.id, rateId)))
      .returning({ id: shippingRates.id });
    if (deleted.length === 0) throw notFound('shipping rate');
    await recordAudit(tx, ctx, {
      action: 'shipping.rate.delete',
      entity: 'shipping_rate',
      entityId: rateId,
    });
  });
}
