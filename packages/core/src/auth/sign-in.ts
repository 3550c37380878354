import { z } from 'zod';
import type { PlatformContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { findUserByIdentifier, parseIdentifier } from './identifier.js';
import {
  clearAccountFailures,
  isThrottled,
  recordFailure,
  throttleSubjects,
} from './login-throttle.js';
import { verifyPassword } from './password.js';
import { LOGIN_THROTTLE, type LoginThrottlePolicy, type SessionPolicy } from './session-policy.js';
import { type NewSession, openSession } from './sessions.js';

/** Input of {@link signIn}: what the sign-in form posts, plus the client address. */
export const SignInInput = z.object({
  /** An email address or a phone number, as typed. */
  identifier: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
  /** The client's network address, for the per-address throttle. */
  address: z.string().trim().min(1).max(100),
});
export type SignInInput = z.input<typeof SignInInput>;

/**
 * The outcome of a sign-in. Both failures are expected outcomes, not errors, and
 * both say nothing about whether the account exists: an unknown account is
 * throttled and timed exactly like a known one with a wrong password.
 */
export type SignInResult =
  | { ok: true; session: NewSession }
  | { ok: false; reason: 'INVALID_CREDENTIALS' | 'THROTTLED' };

/** Options of {@link signIn}. */
export interface SignInOptions {
  /** The session cookie the browser already had: it is replaced (fixation). */
  previousToken?: string;
  userAgent?: string;
  throttle?: Partial<LoginThrottlePolicy>;
  session?: Partial<SessionPolicy>;
}

// A well-formed hash at production cost that no password matches: checking an
// unknown account costs the same time as checking a real one.
const DECOY_HASH =
  'scrypt$17$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Signs a person in with an email or phone number and a password.
 *
 * Checks the per-account and per-address failure counters first (10 in 15
 * minutes by default), verifies the password outside any transaction (scrypt
 * is slow and must not hold the writer), then in one transaction clears the
 * account's counter and opens a fresh session — deleting `previousToken`'s.
 *
 * @example
 * const r = await signIn(ctx, { identifier: 'lupita@example.com', password, address: '203.0.113.7' });
 * if (r.ok) setCookie(r.session.token);
 */
export async function signIn(
  ctx: PlatformContext,
  raw: SignInInput,
  opts: SignInOptions = {},
): Promise<SignInResult> {
  const input = parseInput(SignInInput, raw);
  const policy = { ...LOGIN_THROTTLE, ...opts.throttle };
  const now = ctx.clock.now();
  const identifier = parseIdentifier(input.identifier);
  const subjects = throttleSubjects(identifier, input.address);
  if (await isThrottled(ctx.db.read, subjects, now, policy)) {
    return { ok: false, reason: 'THROTTLED' };
  }
  const user = await findUserByIdentifier(ctx.db.read, identifier);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DECOY_HASH);
  if (!user?.passwordHash || !valid) {
    await ctx.db.transaction((tx) => recordFailure(tx, subjects, now, policy));
    return { ok: false, reason: 'INVALID_CREDENTIALS' };
  }
  const session = await ctx.db.transaction(async (tx) => {
    await clearAccountFailures(tx, subjects);
    return openSession(tx, ctx, user.id, {
      previousToken: opts.previousToken,
      userAgent: opts.userAgent,
      policy: opts.session,
    });
  });
  return { ok: true, session };
}
