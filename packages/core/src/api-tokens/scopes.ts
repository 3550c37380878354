import { can, type ShopAction } from '../auth/permissions.js';

/** Scopes a shop token may carry. A `:write` scope includes its `:read`. */
export const SHOP_API_SCOPES = [
  'catalog:read',
  'catalog:write',
  'orders:read',
  'orders:write',
  'settings:read',
  'settings:write',
] as const;
/** A scope a shop token may carry. */
export type ShopApiScope = (typeof SHOP_API_SCOPES)[number];

/** Scopes only a platform (operator) token may carry. */
export const PLATFORM_API_SCOPES = ['fx:write'] as const;
/** A scope only a platform token may carry. */
export type PlatformApiScope = (typeof PLATFORM_API_SCOPES)[number];

/** Every scope an API token can carry. */
export const API_SCOPES = [...SHOP_API_SCOPES, ...PLATFORM_API_SCOPES] as const;
/** Any scope. */
export type ApiScope = (typeof API_SCOPES)[number];

/** The shop actions each shop scope lets a token do (checked again by `authorize`). */
const ACTIONS_OF: Readonly<Record<ShopApiScope, readonly ShopAction[]>> = {
  'catalog:read': ['shop.read'],
  'catalog:write': ['shop.read', 'catalog.write'],
  'orders:read': ['shop.read'],
  'orders:write': ['shop.read', 'orders.manage', 'orders.refund'],
  'settings:read': ['shop.read'],
  'settings:write': ['shop.read', 'settings.write'],
};

/**
 * Pure: does a token with `granted` scopes have `needed`? A `:write` scope
 * includes the `:read` of the same resource; unknown strings grant nothing.
 *
 * @example
 * hasScope(['catalog:write'], 'catalog:read'); // true
 * hasScope(['catalog:read'], 'orders:read');   // false
 */
export function hasScope(granted: readonly string[], needed: ApiScope): boolean {
  if (granted.includes(needed)) return true;
  return needed.endsWith(':read') && granted.includes(needed.replace(/:read$/, ':write'));
}

/**
 * Pure: the least shop role whose permissions cover every action the scopes
 * need — `staff` unless a scope needs what staff may not do (refunds,
 * settings). Core's `authorize` then refuses anything beyond that role, and
 * the API refuses anything beyond the scopes themselves.
 */
export function roleForScopes(scopes: readonly string[]): 'owner' | 'staff' {
  const actions = scopes.flatMap((s) => ACTIONS_OF[s as ShopApiScope] ?? []);
  return actions.every((a) => can('staff', a)) ? 'staff' : 'owner';
}
