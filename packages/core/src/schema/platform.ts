import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, timestamp, updatedAt } from './columns.js';

/**
 * Audit log of money-related actions and of every change a trainer or operator
 * makes in a shop. `shop_id` is nullable: platform actions (FX import) have none.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id().primaryKey(),
    shopId: text('shop_id'),
    actorUserId: text('actor_user_id'),
    /** How the actor relates to the shop: owner, staff, trainer, operator, system, api. */
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_shop_idx').on(t.shopId, t.createdAt)],
);

/**
 * Transactional outbox: messages (emails…) written in the same transaction as
 * the change that caused them, delivered later by a worker exactly once.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: id().primaryKey(),
    shopId: text('shop_id'),
    kind: text('kind').notNull(),
    /** Makes the same message impossible to enqueue twice (e.g. `order-paid:ord_…`). */
    dedupeKey: text('dedupe_key').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lockedUntil: timestamp('locked_until'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Background jobs (AVIF encoding, imports…), retried with backoff, with visible progress. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: id().primaryKey(),
    shopId: text('shop_id'),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** 0–100. */
    progress: integer('progress').notNull().default(0),
    runAt: timestamp('run_at').notNull(),
    lockedUntil: timestamp('locked_until'),
    lastError: text('last_error'),
    /** What a finished job produced for the person waiting on it (an import's report…). */
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('jobs_due_idx').on(t.status, t.runAt),
    index('jobs_shop_idx').on(t.shopId, t.createdAt),
  ],
);

/**
 * What buyers can see changed, per scope: a shop id, or `*` for platform data
 * every page may show (FX rates, villages). Triggers (migration
 * `0015_content_version_triggers`) bump a scope whenever a row its pages show is
 * written, taking the next number of ONE sequence for all scopes: so
 * `max(version)` over any set of scopes changes whenever any of them does, and
 * an app server can keep rendered pages as long as that number stands.
 * Not tenant data (no `shop_id`): it holds counters, nothing a shop wrote.
 */
export const contentVersions = sqliteTable(
  'content_versions',
  {
    scope: text('scope').primaryKey(),
    version: integer('version').notNull(),
  },
  (t) => [index('content_versions_version_idx').on(t.version)],
);
