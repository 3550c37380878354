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
  id,
  locale,
  shopId,
  timestamp,
  updatedAt,
} from './columns.js';
import { shops, users, villages } from './tenancy.js';

/**
 * A named group of sellers a trainer works with ("Comonfort workshops,
 * spring"). Platform-level: it belongs to a village, and only that village's
 * trainers (and operators) see it.
 */
export const cohorts = sqliteTable(
  'cohorts',
  {
    id: id().primaryKey(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cohorts_name_uq').on(t.villageId, t.name),
    index('cohorts_village_idx').on(t.villageId, t.createdAt),
  ],
);

/** Which shops are in a cohort (a shop joins when its seller accepts a cohort invitation). */
export const cohortShops = sqliteTable(
  'cohort_shops',
  {
    cohortId: text('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    shopId: shopId(),
    joinedAt: timestamp('joined_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.shopId] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    index('cohort_shops_shop_idx').on(t.shopId),
  ],
);

/**
 * A reusable shop structure (collections, shipping, policies, payment
 * instructions, rounding rules, languages, sample drafts) saved from a shop.
 * Amounts inside `data` are in `base_currency`; a shop made from it in another
 * currency gets them converted and marked for the seller to confirm.
 */
export const shopTemplates = sqliteTable(
  'shop_templates',
  {
    id: id().primaryKey(),
    /** The village it was made in (its trainers manage it; every trainer may use it). */
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'cascade' }),
    sourceShopId: text('source_shop_id').references(() => shops.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    baseCurrency: currency('base_currency'),
    /** `ShopTemplateData` as JSON (validated by zod when read). */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('shop_templates_village_idx').on(t.villageId, t.createdAt)],
);

export const INVITATION_CHANNELS = ['email', 'sms', 'print'] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];

/**
 * An invitation for a seller to open a shop in a village. Single-use,
 * expiring, revocable. Only SHA-256 hashes of its two secrets are stored: the
 * link token (256 bits, in links and QR codes) and the short code printed for
 * typing by hand. Accepting claims it with one conditional UPDATE, so two
 * devices opening the same invitation at once make exactly one shop.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: id().primaryKey(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'cascade' }),
    cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    channel: text('channel', { enum: INVITATION_CHANNELS }).notNull(),
    email: text('email'),
    phone: text('phone'),
    /** The seller's name as the trainer wrote it (prefilled on the accept page). */
    name: text('name').notNull().default(''),
    /** A suggested shop name (prefilled). */
    shopName: text('shop_name').notNull().default(''),
    locale: locale(),
    /** The base currency the new shop gets (prefilled). */
    currency: currency(),
    templateId: text('template_id').references(() => shopTemplates.id, { onDelete: 'set null' }),
    /** `email:…`, `phone:…` or `name:…`: finds the same seller again on re-import. */
    contactKey: text('contact_key').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    expiresAt: timestamp('expires_at').notNull(),
    acceptedAt: timestamp('accepted_at'),
    acceptedUserId: text('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    acceptedShopId: text('accepted_shop_id').references(() => shops.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_uq').on(t.tokenHash),
    uniqueIndex('invitations_code_hash_uq').on(t.codeHash),
    index('invitations_village_idx').on(t.villageId, t.createdAt),
    index('invitations_cohort_idx').on(t.cohortId, t.createdAt),
    index('invitations_contact_idx').on(t.villageId, t.contactKey),
    index('invitations_creator_idx').on(t.createdBy, t.createdAt),
    check('invitations_channel_ck', sql`${t.channel} in ('email', 'sms', 'print')`),
    check('invitations_state_ck', sql`${t.acceptedAt} is null or ${t.revokedAt} is null`),
  ],
);

/**
 * A failed attempt to open an invitation (unknown, used, expired code),
 * counted per client address (hashed), for the rate limit on guessing codes.
 */
export const invitationAttempts = sqliteTable(
  'invitation_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectHash: text('subject_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('invitation_attempts_subject_idx').on(t.subjectHash, t.createdAt)],
);

export const CONVERTED_ENTITIES = ['variant', 'shipping_rate', 'shipping_free_over'] as const;
export type ConvertedEntity = (typeof CONVERTED_ENTITIES)[number];

/**
 * An amount a template copy converted into the new shop's currency, waiting
 * for the seller to confirm it (the "prices" onboarding step stays open until
 * every one is confirmed or the amount was changed by hand).
 */
export const convertedAmounts = sqliteTable(
  'converted_amounts',
  {
    shopId: shopId(),
    entity: text('entity', { enum: CONVERTED_ENTITIES }).notNull(),
    entityId: text('entity_id').notNull(),
    fromAmountMinor: amountMinor('from_amount_minor'),
    fromCurrency: currency('from_currency'),
    amountMinor: amountMinor('amount_minor'),
    currency: currency(),
    /** The rate used, as people read it (10 significant digits). */
    rate: text('rate').notNull(),
    createdAt: createdAt(),
    confirmedAt: timestamp('confirmed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.entity, t.entityId] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    index('converted_amounts_open_idx').on(t.shopId, t.confirmedAt),
    check(
      'converted_amounts_entity_ck',
      sql`${t.entity} in ('variant', 'shipping_rate', 'shipping_free_over')`,
    ),
  ],
);

/**
 * What a seller sold an item for before going online (the seed's 9 USD
 * molcajete), per product, or for the shop's typical item (`product_id` = '').
 * The impact report measures the uplift against it.
 */
export const preOnlinePrices = sqliteTable(
  'pre_online_prices',
  {
    shopId: shopId(),
    productId: text('product_id').notNull().default(''),
    amountMinor: amountMinor('amount_minor'),
    currency: currency(),
    note: text('note').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.productId] }),
    foreignKey({ columns: [t.shopId], foreignColumns: [shops.id] }).onDelete('cascade'),
    check('pre_online_prices_amount_ck', sql`${t.amountMinor} > 0`),
  ],
);
