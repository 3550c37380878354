import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { AldeaError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { shippingRates, shippingZones } from '../schema/shipping.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import {
  ShippingZoneInput,
  UpdateShippingZoneInput,
  type ShippingZoneInput as ZoneInput,
  type UpdateShippingZoneInput as ZoneUpdate,
} from './schemas.js';
import { type ShippingZoneView, toRateView, toZoneView } from './views.js';

/** A country (or `*`) may be in one zone of a shop only: otherwise which rate applies is a guess. */
async function assertCountriesFree(
  tx: Db,
  ctx: ShopContext,
  countries: string[],
  exceptZoneId?: string,
): Promise<void> {
  const others = await tx
    .select({ name: shippingZones.name, countries: shippingZones.countries })
    .from(shippingZones)
    .where(
      exceptZoneId
        ? and(eq(shippingZones.shopId, ctx.shop.id), ne(shippingZones.id, exceptZoneId))
        : eq(shippingZones.shopId, ctx.shop.id),
    );
  for (const z of others) {
    const taken = countries.filter((c) => z.countries.includes(c));
    if (taken.length > 0) {
      const message = `${taken.join(', ')} already in zone "${z.name}"`;
      throw new AldeaError('CONFLICT', message, [{ path: 'countries', message, code: 'unique' }]);
    }
  }
}

/** Creates a shipping zone (countries + tax). Needs `settings.write`; audited. */
export async function createShippingZone(
  ctx: ShopContext,
  raw: ZoneInput,
): Promise<ShippingZoneView> {
  authorize(ctx, 'settings.write');
  const input = parseInput(ShippingZoneInput, raw);
  const now = ctx.clock.now();
  const id = newId('shippingZone', now.getTime());
  return ctx.db.transaction(async (tx) => {
    await assertCountriesFree(tx, ctx, input.countries);
    const [row] = await tx
      .insert(shippingZones)
      .values({ shopId: ctx.shop.id, id, ...input, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'shipping.zone.create',
      entity: 'shipping_zone',
      entityId: id,
      data: input,
    });
    return toZoneView(row!, []);
  });
}

/** Changes a zone's name, countries, position or tax. Needs `settings.write`; audited. */
export async function updateShippingZone(
  ctx: ShopContext,
  zoneId: string,
  raw: ZoneUpdate,
): Promise<ShippingZoneView> {
  authorize(ctx, 'settings.write');
  const input = parseInput(UpdateShippingZoneInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (input.countries) await assertCountriesFree(tx, ctx, input.countries, zoneId);
    const [row] = await tx
      .update(shippingZones)
      .set({ ...input, updatedAt: now })
      .where(and(eq(shippingZones.shopId, ctx.shop.id), eq(shippingZones.id, zoneId)))
      .returning();
    if (!row) throw notFound('shipping zone');
    const rates = await tx
      .select()
      .from(shippingRates)
      .where(and(eq(shippingRates.shopId, ctx.shop.id), eq(shippingRates.zoneId, zoneId)));
    await recordAudit(tx, ctx, {
      action: 'shipping.zone.update',
      entity: 'shipping_zone',
      entityId: zoneId,
      data: input,
    });
    return toZoneView(
      row,
      rates.map((r) => toRateView(r, ctx.shop.baseCurrency)),
    );
  });
}

/** Deletes a zone and its rates. Needs `settings.write`; audited. */
export async function deleteShippingZone(ctx: ShopContext, zoneId: string): Promise<void> {
  authorize(ctx, 'settings.write');
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(shippingZones)
      .where(and(eq(shippingZones.shopId, ctx.shop.id), eq(shippingZones.id, zoneId)))
      .returning({ id: shippingZones.id });
    if (deleted.length === 0) throw notFound('shipping zone');
    await recordAudit(tx, ctx, {
      action: 'shipping.zone.delete',
      entity: 'shipping_zone',
      entityId: zoneId,
    });
  });
}

/**
 * A shop's zones with their rates (two statements). Public: shipping costs are
 * shown to buyers like prices are.
 */
export async function listShippingZones(ctx: ShopContext): Promise<ShippingZoneView[]> {
  const zones = await ctx.db.read
    .select()
    .from(shippingZones)
    .where(eq(shippingZones.shopId, ctx.shop.id))
    .orderBy(asc(shippingZones.position), asc(shippingZones.createdAt));
  if (zones.length === 0) return [];
  const rates = await ctx.db.read
    .select()
    .from(shippingRates)
    .where(
      and(
        eq(shippingRates.shopId, ctx.shop.id),
        inArray(
          shippingRates.zoneId,
          zones.map((z) => z.id),
        ),
      ),
    );
  const views = rates.map((r) => toRateView(r, ctx.shop.baseCurrency));
  return zones.map((z) => toZoneView(z, views));
}
