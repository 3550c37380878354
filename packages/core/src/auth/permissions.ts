import { AldeaError, notFound } from '../errors.js';
import type { ShopContext } from '../tenancy/context.js';

/**
 * How the acting party relates to the shop in a {@link ShopContext}, resolved
 * once when the context is made.
 * - `owner`, `staff`: members of the shop
 * - `trainer`: assigned to the shop's village (every action audited)
 * - `operator`: runs the platform (every action audited)
 * - `system`: the CLI, the seeder, workers
 * - `buyer`: an anonymous shopper (public reads only)
 * - `none`: a signed-in user with no relation to this shop (sees a 404)
 */
export type ShopRole = 'owner' | 'staff' | 'trainer' | 'operator' | 'system' | 'buyer' | 'none';

/** Everything a person may be allowed to do in a shop's admin. */
export const SHOP_ACTIONS = [
  'shop.read', // see the shop's admin: drafts, orders, settings
  'catalog.write', // products, variants, stock, photos, collections, prices
  'orders.manage', // confirm manual payment, ship, cancel
  'orders.refund',
  'settings.write', // profile, currencies, rounding, shipping, payment methods, domain, pause
  'payouts.manage', // Stripe connected account, bank details
  'members.manage',
] as const;
export type ShopAction = (typeof SHOP_ACTIONS)[number];

const STAFF_DENIED: ReadonlySet<ShopAction> = new Set([
  'orders.refund',
  'settings.write',
  'payouts.manage',
  'members.manage',
]);

/** Pure: may `role` do `action`? */
export function can(role: ShopRole, action: ShopAction): boolean {
  switch (role) {
    case 'owner':
    case 'trainer':
    case 'operator':
    case 'system':
      return true;
    case 'staff':
      return !STAFF_DENIED.has(action);
    case 'buyer':
    case 'none':
      return false;
  }
}

/**
 * Throws unless the context's role may do `action`. Someone with no relation to
 * the shop gets NOT_FOUND (the shop's existence is not confirmed to them); a
 * member without the right gets FORBIDDEN.
 */
export function authorize(ctx: ShopContext, action: ShopAction): void {
  if (can(ctx.role, action)) return;
  if (ctx.role === 'none' || ctx.role === 'buyer') throw notFound('shop');
  throw new AldeaError('FORBIDDEN', `a ${ctx.role} may not do ${action}`);
}

/** True when changes by this role must be written to the audit log whatever they are. */
export function isAuditedRole(role: ShopRole): boolean {
  return role === 'trainer' || role === 'operator';
}
