import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  amountMinor,
  createdAt,
  currency,
  flag,
  id,
  shopId,
  timestamp,
  updatedAt,
} from './columns.js';
import { shops } from './tenancy.js';

/** Where a rate came from: typed in by an operator or shop, or the ECB reference feed. */
export const FX_SOURCES = ['manual', 'ecb'] as const;
export type FxSource = (typeof FX_SOURCES)[number];

/**
 * FX rates, platform-level: `1 base = rate quote`, the rate an exact decimal
 * string (never a float). History is kept; the newest `as_of` per pair wins.
 * `shop_id` is set only for a shop's own manual rate, which overrides the
 * platform's for that shop.
 */
export const fxRates = sqliteTable(
  'fx_rates',
  {
    id: id().primaryKey(),
    shopId: text('shop_id').references(() => shops.id, { onDelete: 'cascade' }),
    base: currency('base'),
    quote: currency('quote'),
    /** Exact decimal text, e.g. "1.1225". */
    rate: text('rate').notNull(),
    source: text('source', { enum: FX_SOURCES }).notNull(),
    /** The moment the rate refers to (ECB: the reference day at 00:00 UTC). */
    asOf: timestamp('as_of').notNull(),
    /** When Aldea stored it. */
    fetchedAt: timestamp('fetched_at').notNull(),
  },
  (t) => [
    index('fx_rates_pair_idx').on(t.base, t.quote, t.asOf),
    index('fx_rates_shop_idx').on(t.shopId, t.base, t.quote, t.asOf),
    // Importing the same ECB day twice changes nothing.
    uniqueIndex('fx_rates_ecb_day_uq').on(t.base, t.quote, t.asOf).where(sql`source = 'ecb'`),
    check('fx_rates_source_ck', sql`${t.source} in ('manual', 'ecb')`),
    check('fx_rates_pair_ck', sql`${t.base} <> ${t.quote}`),
    check('fx_rates_rate_ck', sql`${t.rate} <> '' and ${t.rate} not glob '*[^0-9.]*'`),
  ],
);

/**
 * The newest rate of every pair, per owner: kept up to date in the same
 * transaction as each insert into `fx_rates` (only a newer `as_of` moves it), so
 * pricing reads the current rates by key, however long the history grows.
 */
export const fxRatesLatest = sqliteTable(
  'fx_rates_latest',
  {
    /** '' for the platform's rates, else the shop id of a shop's own rates. */
    owner: text('owner').notNull(),
    base: currency('base'),
    quote: currency('quote'),
    rateId: text('rate_id')
      .notNull()
      .references(() => fxRates.id, { onDelete: 'cascade' }),
    asOf: timestamp('as_of').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.owner, t.base, t.quote] }),
    index('fx_rates_latest_rate_idx').on(t.rateId),
  ],
);

/** A shop's pricing settings that are not per currency. One row per shop, absent = defaults. */
export const shopPricingSettings = sqliteTable(
  'shop_pricing_settings',
  {
    shopId: shopId().primaryKey(),
    /** Added on top of converted prices, in basis points (250 = 2.5 %). */
    fxMarginBps: integer('fx_margin_bps').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    check('shop_pricing_settings_margin_ck', sql`${t.fxMarginBps} between 0 and 5000`),
  ],
);

/** A shop's rounding rule for one buyer currency. Absent = the platform default. */
export const shopRoundingRules = sqliteTable(
  'shop_rounding_rules',
  {
    shopId: shopId(),
    currency: currency(),
    /** One of `ROUNDING_RULES` (`none`, `end-99`, `step-10`…). */
    rule: text('rule').notNull(),
    /** Round up only: a converted price never ends below the exact conversion. */
    neverBelow: flag('never_below'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.currency] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
  ],
);

/**
 * A price quote captured for a cart or checkout: currency, per-line amounts
 * with their provenance (rate ids, rule), and an expiry. Within its lifetime the
 * buyer pays exactly these amounts; orders keep the quote id.
 */
export const priceQuotes = sqliteTable(
  'price_quotes',
  {
    shopId: shopId(),
    id: id(),
    currency: currency(),
    baseCurrency: currency('base_currency'),
    subtotalMinor: amountMinor('subtotal_minor'),
    /** `QuoteLine[]` as JSON. */
    lines: text('lines', { mode: 'json' }).$type<unknown[]>().notNull(),
    /** Rate ids used by any line, for audits ("which rates priced this?"). */
    rateIds: text('rate_ids', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    index('price_quotes_expiry_idx').on(t.shopId, t.expiresAt),
    check('price_quotes_subtotal_ck', sql`${t.subtotalMinor} >= 0`),
  ],
);
