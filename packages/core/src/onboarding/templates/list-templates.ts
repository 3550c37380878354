import { desc, eq } from 'drizzle-orm';
import { AldeaError } from '../../errors.js';
import { shopTemplates } from '../../schema/onboarding.js';
import { trainerAssignments, users } from '../../schema/tenancy.js';
import type { PlatformContext } from '../../tenancy/context.js';
import { actingUserId } from '../village-access.js';
import { templateView } from './save-template.js';
import { ShopTemplateData, type ShopTemplateView } from './template-data.js';

/**
 * Every shop template, newest first: the platform's library of proven shop
 * structures, open to all trainers (a Comonfort trainer copies a Bainiu shop)
 * and operators. Other people get FORBIDDEN.
 */
export async function listShopTemplates(ctx: PlatformContext): Promise<ShopTemplateView[]> {
  const userId = actingUserId(ctx);
  if (ctx.actor.kind !== 'system') {
    if (!userId) throw new AldeaError('FORBIDDEN', 'only trainers and operators see templates');
    const [me] = await ctx.db.read
      .select({ operator: users.isOperator, trainer: trainerAssignments.villageId })
      .from(users)
      .leftJoin(trainerAssignments, eq(trainerAssignments.userId, users.id))
      .where(eq(users.id, userId))
      .limit(1);
    if (!me || (!me.operator && !me.trainer)) {
      throw new AldeaError('FORBIDDEN', 'only trainers and operators see templates');
    }
  }
  const rows = await ctx.db.read
    .select()
    .from(shopTemplates)
    .orderBy(desc(shopTemplates.createdAt), desc(shopTemplates.id))
    .limit(500);
  return rows.map((r) => templateView(r, ShopTemplateData.parse(r.data)));
}
