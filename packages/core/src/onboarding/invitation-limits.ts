import { and, count, eq, gte, lt } from 'drizzle-orm';
import { hashToken } from '../auth/tokens.js';
import type { Db } from '../db/database.js';
import { AldeaError } from '../errors.js';
import { invitationAttempts, invitations } from '../schema/onboarding.js';

const MINUTE = 60_000;

/** The rate limits on invitations. */
export interface InvitationLimits {
  /** Invitations one trainer may create in an hour (a bulk import counts every row). */
  perCreatorPerHour: number;
  /** Invitations to the same email, phone or name in a village per day (resends included). */
  perContactPerDay: number;
  /** Failed attempts to open an invitation per client address within the window. */
  failedOpensPerAddress: number;
  failedOpensWindowMs: number;
}

/**
 * 500 invitations an hour per trainer (a big workshop, not a spam run), three
 * a day to the same person, and ten wrong codes per address in 15 minutes
 * (a code has 50 bits: guessing one this way takes longer than the universe).
 */
export const INVITATION_LIMITS: InvitationLimits = {
  perCreatorPerHour: 500,
  perContactPerDay: 3,
  failedOpensPerAddress: 10,
  failedOpensWindowMs: 15 * MINUTE,
};

/** Throws RATE_LIMITED when `creator` would pass the hourly budget by creating `adding` more. */
export async function assertCreatorBudget(
  tx: Db,
  creator: string | null,
  now: Date,
  adding: number,
  limits: InvitationLimits = INVITATION_LIMITS,
): Promise<void> {
  if (!creator) return; // the CLI and the seeder act as the system: no hourly budget
  const [row] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.createdBy, creator),
        gte(invitations.createdAt, new Date(now.getTime() - 60 * MINUTE)),
      ),
    );
  const used = row?.n ?? 0;
  if (used + adding > limits.perCreatorPerHour) {
    throw new AldeaError(
      'RATE_LIMITED',
      `at most ${limits.perCreatorPerHour} invitations an hour (${used} sent in the last hour)`,
      [{ path: '', message: 'too many invitations in the last hour', code: 'rate_limited' }],
    );
  }
}

/** Throws RATE_LIMITED when the same person was invited too often today. */
export async function assertContactBudget(
  tx: Db,
  villageId: string,
  contactKey: string,
  path: string,
  now: Date,
  limits: InvitationLimits = INVITATION_LIMITS,
): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.villageId, villageId),
        eq(invitations.contactKey, contactKey),
        gte(invitations.createdAt, new Date(now.getTime() - 24 * 60 * MINUTE)),
      ),
    );
  if ((row?.n ?? 0) >= limits.perContactPerDay) {
    const message = 'this person was invited too often today; try again tomorrow';
    throw new AldeaError('RATE_LIMITED', message, [{ path, message, code: 'rate_limited' }]);
  }
}

/** The hashed subject an address's failed attempts are counted under. */
export function attemptSubject(address: string): string {
  return hashToken(`invite-address:${address.trim().toLowerCase()}`);
}

/** True when the address has used up its failed attempts. */
export async function isOpenThrottled(
  db: Db,
  address: string,
  now: Date,
  limits: InvitationLimits = INVITATION_LIMITS,
): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(invitationAttempts)
    .where(
      and(
        eq(invitationAttempts.subjectHash, attemptSubject(address)),
        gte(invitationAttempts.createdAt, new Date(now.getTime() - limits.failedOpensWindowMs)),
      ),
    );
  return (row?.n ?? 0) >= limits.failedOpensPerAddress;
}

/** Counts one failed attempt and prunes attempts that left the window. */
export async function recordFailedOpen(
  tx: Db,
  address: string,
  now: Date,
  limits: InvitationLimits = INVITATION_LIMITS,
): Promise<void> {
  await tx
    .insert(invitationAttempts)
    .values({ subjectHash: attemptSubject(address), createdAt: now });
  await tx
    .delete(invitationAttempts)
    .where(lt(invitationAttempts.createdAt, new Date(now.getTime() - limits.failedOpensWindowMs)));
}
