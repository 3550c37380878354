import { authorize } from '../auth/permissions.js';
import { AldeaError } from '../errors.js';
import { operatorContext } from '../operator/operator-context.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';

/**
 * Who may create, list and revoke tokens: for a shop, someone with
 * `settings.write` (an owner, a trainer, an operator, the system); for
 * platform tokens, an operator or the system. Never a token itself: a token
 * with `settings:write` must not mint itself wider scopes.
 *
 * @returns the shop id the tokens belong to (`null` for platform tokens)
 */
export async function checkTokenManager(
  ctx: PlatformContext | ShopContext,
): Promise<string | null> {
  if ('shop' in ctx) authorize(ctx, 'settings.write');
  else await operatorContext(ctx);
  if (ctx.actor.kind === 'api') {
    throw new AldeaError('FORBIDDEN', 'API tokens are managed by people, not by other tokens');
  }
  return 'shop' in ctx ? ctx.shop.id : null;
}
