import type { Database } from '../../src/db/database.js';
import {
  type PlatformContext,
  platformContext,
  type ShopContext,
} from '../../src/tenancy/context.js';
import { shopContext } from '../../src/tenancy/shops.js';
import { addMembership, assignTrainer, createUser } from '../../src/tenancy/users.js';
import { uniq } from './factories.js';

/** A cheap scrypt cost for tests only (production uses SCRYPT_DEFAULTS). */
export const TEST_PASSWORD_COST = { logN: 10, r: 8, p: 1 } as const;
export const TEST_PASSWORD = 'correct horse battery';

/** A user with an email and the test password. */
export async function makeUser(
  db: Database,
  overrides: { name?: string; isOperator?: boolean; locale?: 'en' | 'zh-CN' | 'es-MX' } = {},
): Promise<{ id: string; email: string }> {
  const email = `user-${uniq()}@example.com`;
  const { id } = await createUser(
    platformContext(db),
    { name: overrides.name ?? 'Test User', email, password: TEST_PASSWORD, ...overrides },
    { passwordCost: TEST_PASSWORD_COST },
  );
  return { id, email };
}

/** The platform context of a signed-in user. */
export function actingAs(db: Database, userId: string, base?: Partial<PlatformContext>) {
  return platformContext(db, { ...base, actor: { kind: 'user', userId } });
}

/** A fresh user with `role` in the shop, and the shop context acting as them. */
export async function memberOf(
  shop: ShopContext,
  role: 'owner' | 'staff' | 'trainer',
): Promise<ShopContext & { userId: string }> {
  const user = await makeUser(shop.db);
  if (role === 'trainer') await assignTrainer(shop, shop.shop.villageId, user.id);
  else await addMembership(shop, user.id, role);
  const ctx = await shopContext(
    actingAs(shop.db, user.id, { clock: shop.clock, locale: shop.locale }),
    shop.shop.id,
  );
  return Object.assign(ctx, { userId: user.id });
}
