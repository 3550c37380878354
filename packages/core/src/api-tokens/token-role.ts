import { and, eq, isNull } from 'drizzle-orm';
import type { ShopRole } from '../auth/permissions.js';
import { apiTokens } from '../schema/api-tokens.js';
import type { PlatformContext, ShopRef } from '../tenancy/context.js';
import { roleForScopes } from './scopes.js';

/**
 * How an API token relates to a shop: `none` unless it is a live token of
 * exactly this shop; then the least role its scopes need (see
 * {@link roleForScopes}). One read by primary key.
 */
export async function apiTokenRole(
  ctx: PlatformContext,
  tokenId: string,
  shop: Pick<ShopRef, 'id'>,
): Promise<ShopRole> {
  const [row] = await ctx.db.read
    .select({ scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(
      and(eq(apiTokens.id, tokenId), eq(apiTokens.shopId, shop.id), isNull(apiTokens.revokedAt)),
    );
  return row ? roleForScopes(row.scopes) : 'none';
}
