import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { trainerAssignments, users, villages } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';

/** The village a trainer function acts in, once access was checked. */
export interface VillageRef {
  id: string;
  slug: string;
  country: string;
  defaultLocale: string;
  defaultCurrency: string;
}

/** The id of the signed-in person acting, or `null` for the system (CLI, seeder, workers). */
export function actingUserId(ctx: PlatformContext): string | null {
  if (ctx.actor.kind === 'user') return ctx.actor.userId;
  if (ctx.actor.kind === 'api') return ctx.actor.userId ?? null;
  return null;
}

/**
 * Checks that the context's actor may run a village's onboarding (cohorts,
 * invitations, imports, templates, reports): a trainer assigned to it, a
 * platform operator, or the system. Everyone else gets NOT_FOUND, whether or
 * not the village exists. Reads through `db` (pass `tx` inside a command).
 */
export async function requireVillageAccess(
  ctx: PlatformContext,
  villageId: string,
  db: Db = ctx.db.read,
): Promise<VillageRef> {
  if (ctx.actor.kind === 'buyer') throw notFound('village');
  const [village] = await db
    .select({
      id: villages.id,
      slug: villages.slug,
      country: villages.country,
      defaultLocale: villages.defaultLocale,
      defaultCurrency: villages.defaultCurrency,
    })
    .from(villages)
    .where(eq(villages.id, villageId));
  if (!village) throw notFound('village');
  if (ctx.actor.kind === 'system') return village;
  const userId = actingUserId(ctx);
  if (!userId) throw notFound('village');
  const [row] = await db
    .select({
      trainer: trainerAssignments.userId,
      operator: users.isOperator,
      disabled: users.disabledAt,
    })
    .from(users)
    .leftJoin(
      trainerAssignments,
      and(eq(trainerAssignments.userId, users.id), eq(trainerAssignments.villageId, villageId)),
    )
    .where(eq(users.id, userId));
  if (!row || row.disabled) throw notFound('village');
  if (row.trainer || row.operator) return village;
  throw notFound('village');
}
