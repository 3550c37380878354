import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { AldeaError, notFound } from '../errors.js';
import { sessions } from '../schema/auth.js';
import { memberships, shops, trainerAssignments, users, villages } from '../schema/tenancy.js';
import { type CreateUserInput, createUser } from '../tenancy/users.js';
import { parseInput } from '../validation.js';
import { auditAsOperator } from './audit-as-operator.js';
import type { OperatorContext } from './operator-context.js';

/**
 * Creates a user (operator screen) with the audit entry in the same
 * transaction. No password: the person sets their own through a reset link
 * (`requestPasswordReset`), so the operator never knows it.
 */
export async function createUserAsOperator(
  op: OperatorContext,
  input: Omit<CreateUserInput, 'password'>,
): Promise<{ id: string }> {
  const { password: _ignored, ...withoutPassword } = input as CreateUserInput;
  return op.db.transaction(async (tx) => {
    const user = await createUser(op, withoutPassword);
    await auditAsOperator(tx, op, { action: 'user.create', entity: 'user', entityId: user.id });
    return user;
  });
}

const UserId = z.string().min(1).max(64);

/** Input of {@link grantMembership}. */
export const GrantMembershipInput = z.object({
  shopId: z.string().min(1).max(64),
  userId: UserId,
  role: z.enum(['owner', 'staff']),
});
export type GrantMembershipInput = z.input<typeof GrantMembershipInput>;

async function requireUser(tx: Db, id: string) {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
  if (!row) throw notFound('user');
}

/** Makes a user owner or staff of a shop (or changes their role), audited in the shop's log. */
export async function grantMembership(
  op: OperatorContext,
  raw: GrantMembershipInput,
): Promise<void> {
  const input = parseInput(GrantMembershipInput, raw);
  const now = op.clock.now();
  await op.db.transaction(async (tx) => {
    await requireUser(tx, input.userId);
    const [shop] = await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, input.shopId));
    if (!shop) throw notFound('shop');
    await tx
      .insert(memberships)
      .values({ ...input, createdAt: now })
      .onConflictDoUpdate({
        target: [memberships.shopId, memberships.userId],
        set: { role: input.role },
      });
    await auditAsOperator(
      tx,
      op,
      {
        action: 'member.grant',
        entity: 'user',
        entityId: input.userId,
        data: { role: input.role },
      },
      input.shopId,
    );
  });
}

/** Removes a user from a shop, audited in the shop's log. */
export async function revokeMembership(
  op: OperatorContext,
  raw: { shopId: string; userId: string },
): Promise<void> {
  const input = parseInput(GrantMembershipInput.omit({ role: true }), raw);
  await op.db.transaction(async (tx) => {
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.shopId, input.shopId), eq(memberships.userId, input.userId)))
      .returning({ userId: memberships.userId });
    if (removed.length === 0) throw notFound('membership');
    await auditAsOperator(
      tx,
      op,
      { action: 'member.revoke', entity: 'user', entityId: input.userId },
      input.shopId,
    );
  });
}

/** Input of {@link setTrainerAssignment}. */
export const TrainerAssignmentInput = z.object({
  villageId: z.string().min(1).max(64),
  userId: UserId,
});
export type TrainerAssignmentInput = z.input<typeof TrainerAssignmentInput>;

/** Makes a user a trainer of a village (every shop of it), or removes them, audited. */
export async function setTrainerAssignment(
  op: OperatorContext,
  raw: TrainerAssignmentInput,
  assigned: boolean,
): Promise<void> {
  const input = parseInput(TrainerAssignmentInput, raw);
  const now = op.clock.now();
  await op.db.transaction(async (tx) => {
    await requireUser(tx, input.userId);
    const [village] = await tx
      .select({ id: villages.id })
      .from(villages)
      .where(eq(villages.id, input.villageId));
    if (!village) throw notFound('village');
    if (assigned) {
      await tx
        .insert(trainerAssignments)
        .values({ ...input, createdAt: now })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(trainerAssignments)
        .where(
          and(
            eq(trainerAssignments.villageId, input.villageId),
            eq(trainerAssignments.userId, input.userId),
          ),
        );
    }
    await auditAsOperator(tx, op, {
      action: assigned ? 'trainer.assign' : 'trainer.unassign',
      entity: 'user',
      entityId: input.userId,
      data: { villageId: input.villageId },
    });
  });
}

/**
 * Disables (or re-enables) a user. Disabling ends all their sessions at once;
 * an operator cannot disable themself (someone must be left to undo it).
 */
export async function setUserDisabled(
  op: OperatorContext,
  raw: { userId: string; disabled: boolean },
): Promise<void> {
  const input = parseInput(z.object({ userId: UserId, disabled: z.boolean() }), raw);
  if (op.actor.kind === 'user' && op.actor.userId === input.userId && input.disabled) {
    throw new AldeaError('CONFLICT', 'you cannot disable your own account', [
      { path: 'userId', message: 'you cannot disable your own account', code: 'self' },
    ]);
  }
  const now = op.clock.now();
  await op.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ disabledAt: input.disabled ? now : null, updatedAt: now })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound('user');
    if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await auditAsOperator(tx, op, {
      action: input.disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: input.userId,
    });
  });
}
