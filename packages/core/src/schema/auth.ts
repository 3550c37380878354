import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, timestamp } from './columns.js';
import { users } from './tenancy.js';

/**
 * A signed-in admin session. The cookie holds a random token; only its SHA-256
 * is stored, so a leaked database does not hand out live sessions. Platform-level
 * (a session is a person's, not a shop's).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: id().primaryKey(),
    /** SHA-256 (base64url) of the cookie token. */
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The per-session CSRF token every admin form carries. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    /** Refreshed at most every few minutes; the idle timeout counts from it. */
    lastSeenAt: timestamp('last_seen_at').notNull(),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: timestamp('expires_at').notNull(),
    /** Shown on "your sessions" (truncated). */
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
  ],
);

/**
 * One failed sign-in, counted twice: once for the account typed and once for the
 * client address. Subjects are hashed so the table stores no addresses or
 * identifiers in the clear. Old rows are pruned as new ones arrive.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope', { enum: ['account', 'address'] }).notNull(),
    subjectHash: text('subject_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('login_failures_subject_idx').on(t.scope, t.subjectHash, t.createdAt)],
);

/** A one-time password-reset token (only its hash is stored), valid for a short time. */
export const passwordResetTokens = sqliteTable(
  'password_reset_tokens',
  {
    /** SHA-256 (base64url) of the token sent in the link. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId, t.createdAt)],
);
