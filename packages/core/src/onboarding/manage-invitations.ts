import { and, asc, eq, gt, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { AldeaError, notFound } from '../errors.js';
import { invitations } from '../schema/onboarding.js';
import type { PlatformContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { getCohort } from './cohorts.js';
import type { IssuedInvitation } from './create-invitation.js';
import { hashInvitationSecrets, newInvitationSecrets } from './invitation-secrets.js';
import { type InvitationView, type InviteLinks, toInvitationView } from './invitation-view.js';
import { requireVillageAccess, type VillageRef } from './village-access.js';

/** Which invitations to list or print: a cohort's, or a whole village's. */
export const InvitationScope = z
  .object({
    villageId: z.string().min(1).max(64).optional(),
    cohortId: z.string().min(1).max(64).optional(),
  })
  .refine((s) => (s.villageId === undefined) !== (s.cohortId === undefined), {
    path: ['cohortId'],
    message: 'give a village or a cohort',
  });
export type InvitationScope = z.input<typeof InvitationScope>;

async function scopeWhere(
  ctx: PlatformContext,
  raw: InvitationScope,
): Promise<{ where: SQL; village: VillageRef }> {
  const scope = parseInput(InvitationScope, raw);
  if (scope.cohortId) {
    const { village } = await getCohort(ctx, scope.cohortId);
    return { where: eq(invitations.cohortId, scope.cohortId), village };
  }
  const village = await requireVillageAccess(ctx, scope.villageId!);
  return { where: eq(invitations.villageId, village.id), village };
}

/** A cohort's or village's invitations, newest first (at most 2,000). */
export async function listInvitations(
  ctx: PlatformContext,
  scope: InvitationScope,
): Promise<InvitationView[]> {
  const { where } = await scopeWhere(ctx, scope);
  const now = ctx.clock.now();
  const rows = await ctx.db.read
    .select()
    .from(invitations)
    .where(where)
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .limit(2000);
  return rows.map((r) => toInvitationView(r, now)).reverse();
}

/**
 * Revokes a pending invitation: its link and code stop working at once.
 * Accepted invitations cannot be revoked (CONFLICT). Audited.
 */
export async function revokeInvitation(
  ctx: PlatformContext,
  invitationId: string,
): Promise<InvitationView> {
  const [row] = await ctx.db.read
    .select()
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  if (!row) throw notFound('invitation');
  try {
    await requireVillageAccess(ctx, row.villageId);
  } catch {
    throw notFound('invitation');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
      .returning();
    if (!revoked) {
      throw new AldeaError('CONFLICT', 'this invitation was already accepted');
    }
    await recordAudit(tx, ctx, {
      action: 'onboarding.invitation.revoke',
      entity: 'invitation',
      entityId: invitationId,
    });
    return toInvitationView(revoked, now);
  });
}

/**
 * Gives pending invitations fresh secrets and returns them, for printing a
 * workshop sheet (codes and QR codes). Only hashes are stored, so printing is
 * the one moment a secret exists in the clear: printing again replaces the
 * codes printed before. By default only the `print` invitations of the scope;
 * `ids` picks particular ones. Audited.
 */
export async function issueInvitationsForPrint(
  ctx: PlatformContext,
  scope: InvitationScope & { ids?: string[] },
  opts: { links: InviteLinks },
): Promise<IssuedInvitation[]> {
  const { where, village } = await scopeWhere(ctx, scope);
  const now = ctx.clock.now();
  const ids = scope.ids?.slice(0, 2000);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(invitations)
      .where(
        and(
          where,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
          ids ? inArray(invitations.id, ids) : eq(invitations.channel, 'print'),
        ),
      )
      .orderBy(asc(invitations.createdAt), asc(invitations.id));
    const issued: IssuedInvitation[] = [];
    for (const row of rows) {
      const secrets = newInvitationSecrets();
      const [updated] = await tx
        .update(invitations)
        .set({ ...hashInvitationSecrets(secrets), updatedAt: now })
        .where(eq(invitations.id, row.id))
        .returning();
      issued.push({
        invitation: toInvitationView(updated!, now),
        ...secrets,
        url: opts.links.inviteUrl(village.slug, secrets.token),
      });
    }
    if (issued.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'onboarding.invitation.print',
        entity: 'village',
        entityId: village.id,
        data: { count: issued.length, cohortId: scope.cohortId ?? null },
      });
    }
    return issued;
  });
}
