import { describe, expect, it } from 'vitest';
import { actingAs, makeUser, memberOf } from '../../test/support/auth-factories.js';
import { makeShop, makeVillage, uniq } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { listAuditLog } from '../audit/list-audit-log.js';
import { listAccessibleShops } from '../auth/accessible-shops.js';
import { getSession } from '../auth/sessions.js';
import { signIn } from '../auth/sign-in.js';
import { isAldeaError } from '../errors.js';
import { platformContext } from '../tenancy/context.js';
import { listVillageShops, shopContext } from '../tenancy/shops.js';
import { listAllShops } from './list-shops.js';
import { listUsers } from './list-users.js';
import { createShopAsOperator, createVillageAsOperator } from './manage-platform.js';
import {
  createUserAsOperator,
  grantMembership,
  setTrainerAssignment,
  setUserDisabled,
} from './manage-users.js';
import { isOperator, operatorContext } from './operator-context.js';

async function operator(db: Awaited<ReturnType<typeof makeTestDb>>) {
  const user = await makeUser(db, { isOperator: true });
  return { ...user, op: await operatorContext(actingAs(db, user.id)) };
}

describe('operatorContext', () => {
  it('admits operators and the system, and gives everyone else NOT_FOUND', async () => {
    const db = await makeTestDb();
    const { id } = await operator(db);
    const plain = await makeUser(db);
    expect(await isOperator(actingAs(db, id))).toBe(true);
    await expect(operatorContext(platformContext(db))).resolves.toBeDefined();
    const err = await operatorContext(actingAs(db, plain.id)).catch((e) => e);
    expect(isAldeaError(err, 'NOT_FOUND')).toBe(true);
    const buyer = await operatorContext(platformContext(db, { actor: { kind: 'buyer' } })).catch(
      (e) => e,
    );
    expect(isAldeaError(buyer, 'NOT_FOUND')).toBe(true);
  });

  it('stops admitting an operator once disabled', async () => {
    const db = await makeTestDb();
    const a = await operator(db);
    const b = await operator(db);
    await setUserDisabled(a.op, { userId: b.id, disabled: true });
    expect(await isOperator(actingAs(db, b.id))).toBe(false);
    const self = await setUserDisabled(a.op, { userId: a.id, disabled: true }).catch((e) => e);
    expect(isAldeaError(self, 'CONFLICT')).toBe(true);
  });
});

describe('operator commands', () => {
  it('creates a village and a shop with its owner in one go, audited in the shop log', async () => {
    const db = await makeTestDb();
    const { op } = await operator(db);
    const village = await createVillageAsOperator(op, {
      slug: `comonfort-${uniq()}`,
      country: 'MX',
      defaultLocale: 'es-MX',
      defaultCurrency: 'MXN',
      texts: { 'es-MX': { name: 'Comonfort' } },
    });
    const owner = await makeUser(db);
    const shop = await createShopAsOperator(
      op,
      {
        villageId: village.id,
        slug: `lupe-${uniq()}`,
        baseCurrency: 'MXN',
        defaultLocale: 'es-MX',
        texts: { 'es-MX': { name: 'Molcajetes Lupe' } },
      },
      { ownerUserId: owner.id },
    );
    const mine = await listAccessibleShops(actingAs(db, owner.id));
    expect(mine).toEqual([expect.objectContaining({ id: shop.id, role: 'owner' })]);
    const log = await listAuditLog(await shopContext(platformContext(db), shop.id));
    expect(log.items[0]).toMatchObject({ action: 'shop.create', actorRole: 'operator' });
  });

  it('creates no shop when the named owner does not exist (nothing saved)', async () => {
    const db = await makeTestDb();
    const { op } = await operator(db);
    const village = await makeVillage(platformContext(db));
    const err = await createShopAsOperator(
      op,
      {
        villageId: village.id,
        slug: `x-${uniq()}`,
        baseCurrency: 'CNY',
        defaultLocale: 'zh-CN',
        texts: { en: { name: 'X' } },
      },
      { ownerUserId: 'usr_nobody' },
    ).catch((e) => e);
    expect(err.issues[0].path).toBe('ownerUserId');
    expect(await listVillageShops(op, village.id, { includeAll: true })).toHaveLength(0);
  });

  it('lists shops and users a page at a time, with owners, memberships and trainer villages', async () => {
    const db = await makeTestDb();
    const { op } = await operator(db);
    const a = await makeShop(db);
    const b = await makeShop(db, { villageId: a.shop.villageId });
    const owner = await memberOf(a, 'owner');
    const trainer = await memberOf(b, 'trainer');
    const first = await listAllShops(op, { limit: 1, villageId: a.shop.villageId });
    expect(first.items).toHaveLength(1);
    const second = await listAllShops(op, {
      limit: 1,
      villageId: a.shop.villageId,
      after: first.nextAfter!,
    });
    expect(second.nextAfter).toBeNull();
    const both = [...first.items, ...second.items];
    expect(both.map((s) => s.id).sort()).toEqual([a.shop.id, b.shop.id].sort());
    expect(both.find((s) => s.id === a.shop.id)?.owners).toEqual([
      { id: owner.userId, name: 'Test User' },
    ]);
    const users = await listUsers(op, { limit: 100 });
    const t = users.items.find((u) => u.id === trainer.userId);
    expect(t?.trainerOf).toEqual([expect.objectContaining({ villageId: a.shop.villageId })]);
    expect(users.items.find((u) => u.id === owner.userId)?.memberships).toEqual([
      expect.objectContaining({ shopId: a.shop.id, role: 'owner' }),
    ]);
  });

  it('grants memberships and trainer villages; disabling a user ends their sessions', async () => {
    const db = await makeTestDb();
    const { op } = await operator(db);
    const shop = await makeShop(db);
    const user = await makeUser(db);
    await grantMembership(op, { shopId: shop.shop.id, userId: user.id, role: 'staff' });
    expect((await shopContext(actingAs(db, user.id), shop.shop.id)).role).toBe('staff');
    const other = await makeShop(db);
    await setTrainerAssignment(op, { villageId: other.shop.villageId, userId: user.id }, true);
    expect((await shopContext(actingAs(db, user.id), other.shop.id)).role).toBe('trainer');
    const missing = await grantMembership(op, {
      shopId: 'shop_nope',
      userId: user.id,
      role: 'owner',
    }).catch((e) => e);
    expect(isAldeaError(missing, 'NOT_FOUND')).toBe(true);

    const r = await signIn(platformContext(db), {
      identifier: user.email,
      password: 'correct horse battery',
      address: 'a',
    });
    if (!r.ok) throw new Error('expected ok');
    await setUserDisabled(op, { userId: user.id, disabled: true });
    expect(await getSession(platformContext(db), r.session.token)).toBeUndefined();
  });

  it('creates users without a password (they set it by a reset link)', async () => {
    const db = await makeTestDb();
    const { op } = await operator(db);
    const { id } = await createUserAsOperator(op, {
      name: 'Doña Lupe',
      phone: '+5214151234567',
      locale: 'es-MX',
    });
    const row = (await listUsers(op, { q: 'Lupe' })).items.find((u) => u.id === id);
    expect(row).toMatchObject({ hasPassword: false, phone: '+5214151234567' });
    const dup = await createUserAsOperator(op, { name: 'Again', phone: '+5214151234567' }).catch(
      (e) => e,
    );
    expect(isAldeaError(dup, 'CONFLICT')).toBe(true);
  });
});
