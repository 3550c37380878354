import { desc, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../schema/api-tokens.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import { checkTokenManager } from './manage-access.js';
import { type ApiTokenInfo, toApiTokenInfo } from './views.js';

/**
 * The shop's API tokens (with a {@link ShopContext}; needs `settings.write`) or
 * the platform tokens (with a platform context; operators only), newest
 * first, revoked ones included so the list explains what stopped working.
 */
export async function listApiTokens(ctx: PlatformContext | ShopContext): Promise<ApiTokenInfo[]> {
  const shopId = await checkTokenManager(ctx);
  const rows = await ctx.db.read
    .select()
    .from(apiTokens)
    .where(shopId === null ? isNull(apiTokens.shopId) : eq(apiTokens.shopId, shopId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toApiTokenInfo);
}
