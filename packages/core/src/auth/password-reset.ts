import { and, eq, gt, gte, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { newId, newSecretToken } from '../ids.js';
import { passwordResetTokens, sessions } from '../schema/auth.js';
import { outbox } from '../schema/platform.js';
import { users } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { findUserByIdentifier, parseIdentifier } from './identifier.js';
import { hashPassword } from './password.js';
import { MAX_RESETS_PER_HOUR, RESET_TOKEN_TTL_MS } from './session-policy.js';
import { hashToken } from './tokens.js';

/** Input of {@link requestPasswordReset}: the email or phone number typed. */
export const RequestPasswordResetInput = z.object({
  identifier: z.string().trim().min(3).max(254),
});
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetInput>;

/** The outbox message kind a reset link is sent as; its payload is {@link PasswordResetMessage}. */
export const PASSWORD_RESET_MESSAGE = 'auth.password-reset';

/** What the outbox worker needs to send a reset link by email or SMS. */
export interface PasswordResetMessage {
  [key: string]: unknown;
  userId: string;
  channel: 'email' | 'sms';
  to: string;
  name: string;
  locale: string;
  url: string;
  expiresAt: string;
}

/**
 * Sends a one-time password-reset link through the outbox (written in the same
 * transaction as the token). Says nothing about whether the account exists: it
 * resolves the same way for an unknown identifier, and silently drops requests
 * beyond a few per hour per account.
 *
 * `resetUrl` builds the link from the token; build it from the configured public
 * URL, never from the request's Host header (reset-link poisoning).
 */
export async function requestPasswordReset(
  ctx: PlatformContext,
  raw: RequestPasswordResetInput,
  opts: { resetUrl: (token: string) => string },
): Promise<void> {
  const input = parseInput(RequestPasswordResetInput, raw);
  const identifier = parseIdentifier(input.identifier);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByIdentifier(tx, identifier);
    if (!user) return;
    const recent = await tx
      .select({ tokenHash: passwordResetTokens.tokenHash })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          gte(passwordResetTokens.createdAt, new Date(now.getTime() - 60 * 60_000)),
        ),
      );
    if (recent.length >= MAX_RESETS_PER_HOUR) return;
    const token = newSecretToken();
    const tokenHash = hashToken(token);
    const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
    await tx
      .insert(passwordResetTokens)
      .values({ tokenHash, userId: user.id, createdAt: now, expiresAt });
    const payload: PasswordResetMessage = {
      userId: user.id,
      channel: user.email ? 'email' : 'sms',
      to: (user.email ?? user.phone)!,
      name: user.name,
      locale: user.locale,
      url: opts.resetUrl(token),
      expiresAt: expiresAt.toISOString(),
    };
    await tx.insert(outbox).values({
      id: newId('outbox', now.getTime()),
      shopId: null,
      kind: PASSWORD_RESET_MESSAGE,
      dedupeKey: `password-reset:${tokenHash}`,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    });
  });
}

/** Input of {@link resetPassword}: the token from the link and the new password. */
export const ResetPasswordInput = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(10, 'use at least 10 characters').max(200),
});
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;

/** A reset link that is unknown, used or expired is an expected outcome, not an error. */
export type ResetPasswordResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'INVALID_TOKEN' };

/** True when a reset token can still be used (for showing the form or a "link expired" page). */
export async function isResetTokenValid(ctx: PlatformContext, token: string): Promise<boolean> {
  if (token.length < 20 || token.length > 200) return false;
  const [row] = await ctx.db.read
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, ctx.clock.now()),
      ),
    );
  return row !== undefined;
}

/**
 * Sets a new password with a one-time token, then ends every session of the
 * user and voids their other reset links, all in one transaction. The token is
 * spent atomically: two concurrent uses cannot both succeed.
 */
export async function resetPassword(
  ctx: PlatformContext,
  raw: ResetPasswordInput,
  opts: { passwordCost?: Parameters<typeof hashPassword>[1] } = {},
): Promise<ResetPasswordResult> {
  const input = parseInput(ResetPasswordInput, raw);
  if (!(await isResetTokenValid(ctx, input.token))) return { ok: false, reason: 'INVALID_TOKEN' };
  // Hash outside the transaction: scrypt must not hold the only writer.
  const passwordHash = await hashPassword(input.password, opts.passwordCost);
  const now = ctx.clock.now();
  const tokenHash = hashToken(input.token);
  return ctx.db.transaction(async (tx): Promise<ResetPasswordResult> => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) return { ok: false, reason: 'INVALID_TOKEN' };
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(and(eq(users.id, spent.userId), isNull(users.disabledAt)));
    await tx.delete(sessions).where(eq(sessions.userId, spent.userId));
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.userId, spent.userId),
          ne(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
        ),
      );
    return { ok: true, userId: spent.userId };
  });
}
