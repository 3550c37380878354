import { and, eq, isNull } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { users } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import type { ApiTokenIdentity } from './authenticate-api-token.js';
import { hasScope, type PlatformApiScope } from './scopes.js';

/**
 * The platform context a platform token acts in for an operator function
 * (`setManualRate`, `importEcbRates`…): only a platform token with `scope`,
 * and only while the operator who made it still is one. It acts as the
 * system actor `api-token:<id>`, which operator functions accept.
 *
 * @throws AldeaError FORBIDDEN (a shop token, a missing scope, or a maker who is no longer an operator)
 */
export async function platformTokenContext(
  ctx: PlatformContext,
  token: ApiTokenIdentity,
  scope: PlatformApiScope,
): Promise<PlatformContext> {
  if (token.shopId !== null || !hasScope(token.scopes, scope)) {
    throw new AldeaError('FORBIDDEN', `this token does not have the ${scope} scope`);
  }
  if (token.createdByUserId) {
    const [maker] = await ctx.db.read
      .select({ isOperator: users.isOperator })
      .from(users)
      .where(and(eq(users.id, token.createdByUserId), isNull(users.disabledAt)));
    if (!maker?.isOperator) {
      throw new AldeaError('FORBIDDEN', 'the operator who made this token no longer is one');
    }
  }
  return { ...ctx, actor: { kind: 'system', name: `api-token:${token.id}` } };
}
