import { recordAudit } from '../audit/record-audit.js';
import { AldeaError, notFound } from '../errors.js';
import type { ShopContext } from '../tenancy/context.js';

/**
 * A trainer (or operator) opens a seller's shop to help: writes an audit entry
 * in that shop's log, so the seller sees who came in and when. Every change
 * they then make is audited by the command itself. Members do not need this
 * (FORBIDDEN for them); strangers never get a context for the shop (NOT_FOUND).
 */
export async function openShopForHelp(ctx: ShopContext, note = ''): Promise<void> {
  if (ctx.role === 'none' || ctx.role === 'buyer') throw notFound('shop');
  if (ctx.role !== 'trainer' && ctx.role !== 'operator') {
    throw new AldeaError('FORBIDDEN', 'only trainers and operators open a shop to help');
  }
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'onboarding.help.open',
      entity: 'shop',
      entityId: ctx.shop.id,
      data: note ? { note: note.slice(0, 500) } : {},
    }),
  );
}
