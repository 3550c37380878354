import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  createdAt,
  currency,
  flag,
  id,
  locale,
  shopId,
  stringList,
  timestamp,
  updatedAt,
} from './columns.js';

/** A place and a community (Bainiu, Comonfort). Platform-level: not tenant-owned. */
export const villages = sqliteTable(
  'villages',
  {
    id: id().primaryKey(),
    slug: text('slug').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    defaultLocale: locale('default_locale'),
    defaultCurrency: currency('default_currency'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('villages_slug_uq').on(t.slug)],
);

/** Per-locale name, region and story of a village. */
export const villageTexts = sqliteTable(
  'village_texts',
  {
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'cascade' }),
    locale: locale(),
    name: text('name').notNull(),
    region: text('region').notNull().default(''),
    story: text('story').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.villageId, t.locale] })],
);

export const SHOP_STATUSES = ['onboarding', 'live', 'paused'] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];

/** The tenant. Everything a seller owns hangs off a shop. */
export const shops = sqliteTable(
  'shops',
  {
    id: id().primaryKey(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    slug: text('slug').notNull(),
    customDomain: text('custom_domain'),
    /** The currency the seller thinks in (CNY, MXN…). Base prices are in it. */
    baseCurrency: currency('base_currency'),
    /** Buyer currencies the shop offers, the base currency included. */
    buyerCurrencies: stringList('buyer_currencies'),
    defaultLocale: locale('default_locale'),
    locales: stringList('locales'),
    status: text('status', { enum: SHOP_STATUSES }).notNull().default('onboarding'),
    /** Buyer pays import duties unless the shop says otherwise. */
    dutiesPaidBySeller: flag('duties_paid_by_seller'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    liveAt: timestamp('live_at'),
  },
  (t) => [
    uniqueIndex('shops_slug_uq').on(t.slug),
    uniqueIndex('shops_custom_domain_uq').on(t.customDomain),
    index('shops_village_idx').on(t.villageId, t.status),
    check('shops_status_ck', sql`${t.status} in ('onboarding', 'live', 'paused')`),
  ],
);

/** Per-locale name, tagline, story and policies of a shop. */
export const shopTexts = sqliteTable(
  'shop_texts',
  {
    shopId: shopId(),
    locale: locale(),
    name: text('name').notNull(),
    tagline: text('tagline').notNull().default(''),
    story: text('story').notNull().default(''),
    shippingPolicy: text('shipping_policy').notNull().default(''),
    returnsPolicy: text('returns_policy').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.locale] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
  ],
);

/** A person who signs in to the admin. Buyers need no account. */
export const users = sqliteTable(
  'users',
  {
    id: id().primaryKey(),
    email: text('email'),
    /** E.164, e.g. +5214151234567. */
    phone: text('phone'),
    name: text('name').notNull(),
    /** scrypt or argon2id PHC string; null until the person sets a password (invitation). */
    passwordHash: text('password_hash'),
    locale: locale(),
    isOperator: flag('is_operator'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    disabledAt: timestamp('disabled_at'),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    uniqueIndex('users_phone_uq').on(t.phone),
    check('users_contact_ck', sql`${t.email} is not null or ${t.phone} is not null`),
  ],
);

export const MEMBERSHIP_ROLES = ['owner', 'staff'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** user × shop × role. */
export const memberships = sqliteTable(
  'memberships',
  {
    shopId: shopId(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.userId] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_ck', sql`${t.role} in ('owner', 'staff')`),
  ],
);

/** user × village: a trainer may act in every shop of the villages assigned to them. */
export const trainerAssignments = sqliteTable(
  'trainer_assignments',
  {
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.villageId, t.userId] }),
    index('trainer_assignments_user_idx').on(t.userId),
  ],
);
