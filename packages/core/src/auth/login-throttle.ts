import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { loginFailures } from '../schema/auth.js';
import type { Identifier } from './identifier.js';
import type { LoginThrottlePolicy } from './session-policy.js';
import { hashToken } from './tokens.js';

/** The two counters a sign-in attempt is charged to (hashed: no identifiers or IPs stored). */
export interface ThrottleSubjects {
  account: string;
  address: string;
}

export function throttleSubjects(identifier: Identifier, address: string): ThrottleSubjects {
  return {
    account: hashToken(`account:${identifier.kind}:${identifier.value}`),
    address: hashToken(`address:${address.trim().toLowerCase()}`),
  };
}

async function failuresSince(db: Db, scope: 'account' | 'address', subject: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.scope, scope),
        eq(loginFailures.subjectHash, subject),
        gte(loginFailures.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

/**
 * True when either counter is full. Applied before the password is checked and
 * the same way whether or not the account exists, so it reveals nothing.
 */
export async function isThrottled(
  db: Db,
  subjects: ThrottleSubjects,
  now: Date,
  policy: LoginThrottlePolicy,
): Promise<boolean> {
  const since = new Date(now.getTime() - policy.windowMs);
  const [account, address] = await Promise.all([
    failuresSince(db, 'account', subjects.account, since),
    failuresSince(db, 'address', subjects.address, since),
  ]);
  return account >= policy.maxPerAccount || address >= policy.maxPerAddress;
}

/** Charges one failure to both counters and prunes rows that left the window. */
export async function recordFailure(
  tx: Db,
  subjects: ThrottleSubjects,
  now: Date,
  policy: LoginThrottlePolicy,
): Promise<void> {
  await tx.insert(loginFailures).values([
    { scope: 'account', subjectHash: subjects.account, createdAt: now },
    { scope: 'address', subjectHash: subjects.address, createdAt: now },
  ]);
  await tx
    .delete(loginFailures)
    .where(lt(loginFailures.createdAt, new Date(now.getTime() - policy.windowMs)));
}

/** A successful sign-in clears the account's counter (the address keeps its own). */
export async function clearAccountFailures(tx: Db, subjects: ThrottleSubjects): Promise<void> {
  await tx
    .delete(loginFailures)
    .where(
      and(eq(loginFailures.scope, 'account'), eq(loginFailures.subjectHash, subjects.account)),
    );
}
