import { sql } from 'drizzle-orm';
import type { ShopRole } from '../auth/permissions.js';
import type { PlatformContext, ShopRef } from './context.js';

/**
 * Works out how the context's actor relates to a shop, in one statement:
 * membership role, else trainer of the shop's village, else operator, else none.
 */
export async function resolveShopRole(ctx: PlatformContext, shop: ShopRef): Promise<ShopRole> {
  const actor = ctx.actor;
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'buyer') return 'buyer';
  const userId = actor.userId;
  if (!userId) return 'none';
  const row = await ctx.db.read.get<{ role: string | null; trainer: number; operator: number }>(sql`
    select
      (select role from memberships where shop_id = ${shop.id} and user_id = ${userId}) as role,
      exists(select 1 from trainer_assignments
             where village_id = ${shop.villageId} and user_id = ${userId}) as trainer,
      coalesce((select is_operator from users
                where id = ${userId} and disabled_at is null), 0) as operator`);
  if (row?.role === 'owner' || row?.role === 'staff') return row.role;
  if (row?.trainer) return 'trainer';
  if (row?.operator) return 'operator';
  return 'none';
}
