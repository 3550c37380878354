import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { cohortShops, cohorts, invitations } from '../schema/onboarding.js';
import type { PlatformContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { actingUserId, requireVillageAccess, type VillageRef } from './village-access.js';

/** Input of {@link createCohort}. */
export const CreateCohortInput = z.object({
  villageId: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'give the cohort a name').max(120),
});
export type CreateCohortInput = z.input<typeof CreateCohortInput>;

/** A cohort as trainer screens list it. */
export interface CohortView {
  id: string;
  villageId: string;
  name: string;
  createdAt: Date;
  /** Shops that joined (accepted invitations). */
  shops: number;
  /** Invitations not yet accepted, revoked or expired. */
  pendingInvitations: number;
}

/**
 * Creates a cohort (a named group of sellers) in a village. Trainers of the
 * village and operators only; audited.
 *
 * @throws AldeaError NOT_FOUND (village not theirs), CONFLICT (`name` taken in the village)
 */
export async function createCohort(
  ctx: PlatformContext,
  raw: CreateCohortInput,
): Promise<CohortView> {
  const input = parseInput(CreateCohortInput, raw);
  await requireVillageAccess(ctx, input.villageId);
  const now = ctx.clock.now();
  const id = newId('cohort', now.getTime());
  await ctx.db.transaction(async (tx) => {
    await conflictOnUnique(
      () =>
        tx.insert(cohorts).values({
          id,
          villageId: input.villageId,
          name: input.name,
          createdBy: actingUserId(ctx),
          createdAt: now,
          updatedAt: now,
        }),
      { cohorts_name_uq: ['name', 'this village already has a cohort with this name'] },
    );
    await recordAudit(tx, ctx, {
      action: 'onboarding.cohort.create',
      entity: 'cohort',
      entityId: id,
      data: { villageId: input.villageId, name: input.name },
    });
  });
  return {
    id,
    villageId: input.villageId,
    name: input.name,
    createdAt: now,
    shops: 0,
    pendingInvitations: 0,
  };
}

/** The cohorts of a village, oldest first, with their counts. Three statements. */
export async function listCohorts(ctx: PlatformContext, villageId: string): Promise<CohortView[]> {
  await requireVillageAccess(ctx, villageId);
  const now = ctx.clock.now();
  const rows = await ctx.db.read
    .select({
      id: cohorts.id,
      villageId: cohorts.villageId,
      name: cohorts.name,
      createdAt: cohorts.createdAt,
      shops: sql<number>`(select count(*) from ${cohortShops} where ${cohortShops.cohortId} = ${cohorts.id})`,
      pending: sql<number>`(select count(*) from ${invitations}
        where ${invitations.cohortId} = ${cohorts.id} and ${invitations.acceptedAt} is null
          and ${invitations.revokedAt} is null and ${invitations.expiresAt} > ${now.getTime()})`,
    })
    .from(cohorts)
    .where(eq(cohorts.villageId, villageId))
    .orderBy(asc(cohorts.createdAt), asc(cohorts.id));
  return rows.map(({ pending, ...r }) => ({ ...r, pendingInvitations: pending }));
}

/** A cohort and its village, after checking the actor may see it. NOT_FOUND otherwise. */
export async function getCohort(
  ctx: PlatformContext,
  cohortId: string,
): Promise<{ cohort: CohortView; village: VillageRef }> {
  const [row] = await ctx.db.read.select().from(cohorts).where(eq(cohorts.id, cohortId));
  if (!row) throw notFound('cohort');
  let village: VillageRef;
  try {
    village = await requireVillageAccess(ctx, row.villageId);
  } catch {
    throw notFound('cohort');
  }
  const now = ctx.clock.now();
  const [shops] = await ctx.db.read
    .select({ n: count() })
    .from(cohortShops)
    .where(eq(cohortShops.cohortId, cohortId));
  const [pending] = await ctx.db.read
    .select({ n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.cohortId, cohortId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} > ${now.getTime()}`,
      ),
    );
  return {
    village,
    cohort: {
      id: row.id,
      villageId: row.villageId,
      name: row.name,
      createdAt: row.createdAt,
      shops: shops?.n ?? 0,
      pendingInvitations: pending?.n ?? 0,
    },
  };
}
