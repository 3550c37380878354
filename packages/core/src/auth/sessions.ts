import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AldeaError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { newId, newSecretToken } from '../ids.js';
import { sessions } from '../schema/auth.js';
import { users } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { SESSION_POLICY, type SessionPolicy } from './session-policy.js';
import { hashToken } from './tokens.js';

/** The person behind a session, as the admin needs them on every request. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  isOperator: boolean;
}

/** A live session. `token` is never part of it: only the cookie has the token. */
export interface SessionInfo {
  id: string;
  user: SignedInUser;
  /** Every admin form posts this back; see the admin's CSRF check. */
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A session just opened: the token goes into the cookie and nowhere else. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
}

/**
 * Opens a session inside the caller's transaction. When `previousToken` is given
 * its session is deleted first: the id is rotated at every sign-in, so a token
 * planted before sign-in (session fixation) never becomes authenticated.
 */
export async function openSession(
  tx: Db,
  ctx: PlatformContext,
  userId: string,
  opts: { previousToken?: string; userAgent?: string; policy?: Partial<SessionPolicy> } = {},
): Promise<NewSession> {
  const policy = { ...SESSION_POLICY, ...opts.policy };
  const now = ctx.clock.now();
  if (opts.previousToken) {
    await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(opts.previousToken)));
  }
  // Housekeeping: this user's dead sessions go when a new one opens.
  await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        or(
          lt(sessions.expiresAt, now),
          lt(sessions.lastSeenAt, new Date(now.getTime() - policy.idleMs)),
        ),
      ),
    );
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await tx.insert(sessions).values({
    id: newId('session', now.getTime()),
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: (opts.userAgent ?? '').slice(0, 200),
  });
  return { token, csrfToken, expiresAt, userId };
}

/**
 * The live session a cookie token names, or undefined when it is unknown,
 * expired (absolute or idle), or its user is disabled. Refreshes the idle clock
 * at most every `touchEveryMs`, so most requests do not write.
 */
export async function getSession(
  ctx: PlatformContext,
  token: string,
  policyOverrides: Partial<SessionPolicy> = {},
): Promise<SessionInfo | undefined> {
  if (!token || token.length > 200) return undefined;
  const policy = { ...SESSION_POLICY, ...policyOverrides };
  const now = ctx.clock.now();
  const [row] = await ctx.db.read
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!row || row.user.disabledAt) return undefined;
  const { session, user } = row;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (now >= session.expiresAt || idleFor > policy.idleMs) {
    await ctx.db.transaction((tx) => tx.delete(sessions).where(eq(sessions.id, session.id)));
    return undefined;
  }
  if (idleFor > policy.touchEveryMs) {
    await ctx.db.transaction((tx) =>
      tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id)),
    );
  }
  return {
    id: session.id,
    csrfToken: session.csrfToken,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone,
      locale: user.locale as Locale,
      isOperator: user.isOperator,
    },
  };
}

/** Ends the session a token names (a no-op for an unknown token). */
export async function signOut(ctx: PlatformContext, token: string): Promise<void> {
  await ctx.db.transaction((tx) =>
    tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))),
  );
}

/**
 * Ends every session of a user — on every phone and computer. Only the user
 * themself, an operator's tooling (`system`) or a platform operator may do it.
 *
 * @returns how many sessions were ended
 */
export async function signOutEverywhere(ctx: PlatformContext, userId: string): Promise<number> {
  const actor = ctx.actor;
  const self = actor.kind === 'user' && actor.userId === userId;
  if (!self && actor.kind !== 'system') {
    const operator =
      actor.kind === 'user'
        ? (
            await ctx.db.read
              .select({ isOperator: users.isOperator })
              .from(users)
              .where(eq(users.id, actor.userId))
          )[0]?.isOperator
        : false;
    if (!operator) throw new AldeaError('FORBIDDEN', 'only the user or an operator may do this');
  }
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ id: sessions.id });
    return ended.length;
  });
}

/** How many live sessions a user has (shown next to "sign out everywhere"). */
export async function countUserSessions(ctx: PlatformContext, userId: string): Promise<number> {
  const now = ctx.clock.now();
  const rows = await ctx.db.read
    .select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return rows.filter(
    (r) => r.expiresAt > now && now.getTime() - r.lastSeenAt.getTime() <= SESSION_POLICY.idleMs,
  ).length;
}
