/**
 * API tokens for the shared test world (`support/world.ts`), made through
 * core's public functions: one live token per shop, and one platform token,
 * so the access-control suite can fill `:tokenId` and `:platformTokenId`.
 */
import {
  createApiToken,
  createPlatformApiToken,
  type Database,
  platformContext,
  type ShopContext,
} from '@aldea/core';

/** A live token of the shop (`catalog:read`), made by the system. */
export async function addTokenFixture(ctx: ShopContext): Promise<{ tokenId: string }> {
  const { apiToken } = await createApiToken(ctx, { name: 'stock sync', scopes: ['catalog:read'] });
  return { tokenId: apiToken.id };
}

/** A live platform token (`fx:write`), made by the system. */
export async function addPlatformTokenFixture(db: Database): Promise<string> {
  const { apiToken } = await createPlatformApiToken(platformContext(db), {
    name: 'ECB cron',
    scopes: ['fx:write'],
  });
  return apiToken.id;
}
