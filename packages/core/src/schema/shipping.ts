import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
} from 'drizzle-orm/sqlite-core';
import {
  amountMinor,
  createdAt,
  flag,
  id,
  localized,
  shopId,
  stringList,
  updatedAt,
} from './columns.js';
import { shops } from './tenancy.js';

/**
 * Where a shop ships to: a named list of countries, with the tax the shop
 * charges buyers there (a rate in basis points, inclusive or exclusive of the
 * shown prices). A country belongs to at most one zone of a shop; the domain
 * code enforces it, `*` in `countries` means "everywhere else".
 */
export const shippingZones = sqliteTable(
  'shipping_zones',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2 codes, upper case, or `*` for the rest of the world. */
    countries: stringList('countries'),
    position: integer('position').notNull().default(0),
    /** 1 = 0.01 %; 1600 = 16 % (IVA in Mexico). */
    taxRateBps: integer('tax_rate_bps').notNull().default(0),
    /** True: prices already include the tax (shown as "incl."); false: added at checkout. */
    taxInclusive: flag('tax_inclusive'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    index('shipping_zones_position_idx').on(t.shopId, t.position),
    check('shipping_zones_tax_ck', sql`${t.taxRateBps} between 0 and 10000`),
  ],
);

/**
 * A way to ship to a zone for parcels in a weight band (`min ≤ weight < max`,
 * open-ended when `max` is null), priced in the shop's base currency, with a
 * delivery estimate in business days and an optional free-shipping threshold
 * (order subtotal, base currency) above which it costs nothing.
 */
export const shippingRates = sqliteTable(
  'shipping_rates',
  {
    shopId: shopId(),
    id: id(),
    zoneId: text('zone_id').notNull(),
    /** Per-locale label ("Correos de México — registered", "EMS"). */
    name: localized('name'),
    minWeightGrams: integer('min_weight_grams').notNull().default(0),
    maxWeightGrams: integer('max_weight_grams'),
    /** Price in the shop's base currency, integer minor units. */
    amountMinor: amountMinor('amount_minor'),
    /** Subtotal (base currency, minor units) from which this rate is free; null = never. */
    freeOverMinor: integer('free_over_minor'),
    deliveryDaysMin: integer('delivery_days_min').notNull(),
    deliveryDaysMax: integer('delivery_days_max').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({
      columns: [t.shopId, t.zoneId],
      foreignColumns: [shippingZones.shopId, shippingZones.id],
    }).onDelete('cascade'),
    index('shipping_rates_zone_idx').on(t.shopId, t.zoneId, t.position),
    check('shipping_rates_amount_ck', sql`${t.amountMinor} >= 0`),
    check(
      'shipping_rates_weight_ck',
      sql`${t.minWeightGrams} >= 0 and (${t.maxWeightGrams} is null or ${t.maxWeightGrams} > ${t.minWeightGrams})`,
    ),
    check(
      'shipping_rates_days_ck',
      sql`${t.deliveryDaysMin} >= 0 and ${t.deliveryDaysMax} >= ${t.deliveryDaysMin}`,
    ),
    check('shipping_rates_free_ck', sql`${t.freeOverMinor} is null or ${t.freeOverMinor} >= 0`),
  ],
);
