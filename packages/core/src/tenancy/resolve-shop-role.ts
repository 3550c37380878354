import { sql } from 'drizzle-orm';
import { apiTokenRole } from '../api-tokens/token-role.js';
import type { ShopRole } from '../auth/permissions.js';
import type { PlatformContext, ShopRef } from './context.js';

/**
 * Works out how the context's actor relates to a shop, in one statement:
 * membership role, else trainer of the shop's village, else operator, else none.
 * An API token gets the least role its scopes need in its own shop, `none` elsewhere.
 */
export async function resolveShopRole(ctx: PlatformContext, shop: ShopRef): Promise<ShopRole> {
  const actor = ctx.actor;
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'buyer') return 'buyer';
  // A token acts with its own scopes in its own shop, never with its maker's rights.
  if (actor.kind === 'api') return apiTokenRole(ctx, actor.tokenId, shop);
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
