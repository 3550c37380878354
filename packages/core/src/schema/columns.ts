import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Column builders shared by every table, so that time, ids and localized
 * labels are stored one way everywhere.
 */

/** A prefixed text id (`prod_…`). Made by `newId()` in `ids.ts`, never by the database. */
export const id = (name = 'id') => text(name).notNull();

/** The tenant column. Every tenant-owned table has it, NOT NULL, leading its keys. */
export const shopId = () => text('shop_id').notNull();

/** An instant, stored as epoch milliseconds (UTC). */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** `created_at`, filled by the domain code's clock (never the database's, so tests control time). */
export const createdAt = () => timestamp('created_at').notNull();
export const updatedAt = () => timestamp('updated_at').notNull();

/** A BCP 47 locale tag we support (`zh-CN`, `es-MX`, `en`). */
export const locale = (name = 'locale') => text(name).notNull();

/** An ISO 4217 alphabetic code, upper case. */
export const currency = (name = 'currency') => text(name).notNull();

/** Amount in integer minor units of a currency named by a sibling column. */
export const amountMinor = (name: string) => integer(name).notNull();

/** Short per-locale labels (option names, collection titles): `{ "en": "Size", "es-MX": "Tamaño" }`. */
export type LocalizedText = Partial<Record<string, string>>;
export const localized = (name: string) =>
  text(name, { mode: 'json' }).$type<LocalizedText>().notNull().default(sql`'{}'`);

/** A JSON array of strings (locales, currencies, countries). */
export const stringList = (name: string) =>
  text(name, { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`);

/** A boolean stored as 0/1. */
export const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);
