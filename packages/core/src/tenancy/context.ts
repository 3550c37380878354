import type { ShopRole } from '../auth/permissions.js';
import type { Database } from '../db/database.js';
import type { Locale } from '../i18n/locales.js';

/** Where "now" comes from; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Who is acting. `user` is a signed-in person; `buyer` an anonymous shopper;
 * `system` a worker, the CLI or the seeder; `api` a shop API token.
 */
export type Actor =
  | { kind: 'user'; userId: string }
  | { kind: 'buyer' }
  | { kind: 'system'; name: string }
  | { kind: 'api'; tokenId: string; userId?: string };

/** The context every platform-level function takes first (villages, FX, operator tools). */
export interface PlatformContext {
  db: Database;
  clock: Clock;
  locale: Locale;
  actor: Actor;
}

/** What domain code needs to know about the tenant, loaded once per request. */
export interface ShopRef {
  id: string;
  slug: string;
  villageId: string;
  baseCurrency: string;
  buyerCurrencies: string[];
  defaultLocale: string;
  locales: string[];
  status: 'onboarding' | 'live' | 'paused';
}

/**
 * The context every tenant-owned function takes first. The shop is required:
 * there is no way to call a tenant function without naming the tenant.
 */
export interface ShopContext extends PlatformContext {
  shop: ShopRef;
  /** How the actor relates to this shop; checked by `authorize(ctx, action)`. */
  role: ShopRole;
}

/** Makes a platform context with sensible defaults (system actor, real clock, English). */
export function platformContext(
  db: Database,
  overrides: Partial<Omit<PlatformContext, 'db'>> = {},
): PlatformContext {
  return {
    db,
    clock: overrides.clock ?? systemClock,
    locale: overrides.locale ?? 'en',
    actor: overrides.actor ?? { kind: 'system', name: 'aldea' },
  };
}
