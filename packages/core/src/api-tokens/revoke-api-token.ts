import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../errors.js';
import { apiTokens } from '../schema/api-tokens.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import { checkTokenManager } from './manage-access.js';
import { type ApiTokenInfo, toApiTokenInfo } from './views.js';

/** The WHERE that finds a token of this owner (a shop, or the platform) by id. */
export function ownTokenWhere(shopId: string | null, tokenId: string): SQL | undefined {
  return and(
    eq(apiTokens.id, tokenId),
    shopId === null ? isNull(apiTokens.shopId) : eq(apiTokens.shopId, shopId),
  );
}

/**
 * Revokes a token: from the next request on it is refused (401). Revoking a
 * revoked token changes nothing. Same permissions as creating; audited.
 *
 * @throws AldeaError NOT_FOUND (unknown, or another shop's token), FORBIDDEN
 */
export async function revokeApiToken(
  ctx: PlatformContext | ShopContext,
  tokenId: string,
): Promise<ApiTokenInfo> {
  const shopId = await checkTokenManager(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const where = ownTokenWhere(shopId, tokenId);
    const [row] = await tx.select().from(apiTokens).where(where);
    if (!row) throw notFound('API token');
    if (row.revokedAt) return toApiTokenInfo(row);
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(where, isNull(apiTokens.revokedAt)))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'api_token.revoke',
      entity: 'api_token',
      entityId: tokenId,
      data: { name: row.name, prefix: row.prefix },
    });
    return toApiTokenInfo(revoked!);
  });
}
