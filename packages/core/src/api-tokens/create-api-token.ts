import { recordAudit } from '../audit/record-audit.js';
import { newId } from '../ids.js';
import { apiTokens } from '../schema/api-tokens.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { checkTokenManager } from './manage-access.js';
import { CreateApiTokenInput, CreatePlatformApiTokenInput } from './schemas.js';
import { makeTokenSecret } from './token-secret.js';
import { type CreatedApiToken, toApiTokenInfo } from './views.js';

async function insertToken(
  ctx: PlatformContext | ShopContext,
  shopId: string | null,
  input: { name: string; scopes: string[] },
): Promise<CreatedApiToken> {
  const now = ctx.clock.now();
  const secret = makeTokenSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({
        id: newId('apiToken', now.getTime()),
        shopId,
        name: input.name,
        prefix: secret.prefix,
        tokenHash: secret.hash,
        scopes: input.scopes,
        createdByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'api_token.create',
      entity: 'api_token',
      entityId: inserted!.id,
      data: { name: input.name, prefix: secret.prefix, scopes: input.scopes },
    });
    return inserted!;
  });
  return { token: secret.token, apiToken: toApiTokenInfo(row) };
}

/**
 * Creates an API token for the context's shop with the given scopes. The
 * returned `token` is the only time the secret is shown: store it now; only
 * its hash is kept. Needs `settings.write`; audited.
 *
 * @example
 * const { token } = await createApiToken(ctx, { name: 'stock sync', scopes: ['catalog:write'] });
 * // Authorization: Bearer aldea_3f9a1c0b2e_…
 * @throws AldeaError VALIDATION (name, unknown or platform scope), FORBIDDEN (staff, or a token),
 *   NOT_FOUND (no relation to the shop)
 */
export async function createApiToken(
  ctx: ShopContext,
  raw: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  const shopId = await checkTokenManager(ctx);
  const input = parseInput(CreateApiTokenInput, raw);
  return insertToken(ctx, shopId, input);
}

/**
 * Creates a platform token (no shop) with operator scopes such as `fx:write`,
 * for an operator's scripts. Operators and the system only; audited.
 *
 * @example
 * const { token } = await createPlatformApiToken(ctx, { name: 'ECB cron', scopes: ['fx:write'] });
 * @throws AldeaError VALIDATION, NOT_FOUND (not an operator)
 */
export async function createPlatformApiToken(
  ctx: PlatformContext,
  raw: CreatePlatformApiTokenInput,
): Promise<CreatedApiToken> {
  const shopId = await checkTokenManager(ctx);
  const input = parseInput(CreatePlatformApiTokenInput, raw);
  return insertToken(ctx, shopId, input);
}
