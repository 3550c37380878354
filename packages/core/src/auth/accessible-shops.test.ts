import { describe, expect, it } from 'vitest';
import { actingAs, makeUser, memberOf } from '../../test/support/auth-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { listAccessibleShops, listTrainerVillages } from './accessible-shops.js';

describe('listAccessibleShops', () => {
  it("lists a member's shops and a trainer's village shops, nothing else", async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const a2 = await makeShop(db, { villageId: a.shop.villageId });
    const b = await makeShop(db);
    const owner = await memberOf(a, 'owner');
    const trainer = await memberOf(a, 'trainer');
    const mine = await listAccessibleShops(actingAs(db, owner.userId, { locale: 'en' }));
    expect(mine).toEqual([
      expect.objectContaining({
        id: a.shop.id,
        role: 'owner',
        name: 'Hickory Nut Shop',
        villageName: 'Bainiu',
      }),
    ]);
    const trained = await listAccessibleShops(actingAs(db, trainer.userId, { locale: 'zh-CN' }));
    expect(trained.map((s) => s.id).sort()).toEqual([a.shop.id, a2.shop.id].sort());
    expect(trained.every((s) => s.role === 'trainer' && s.villageName === '白牛村')).toBe(true);
    expect(trained.map((s) => s.id)).not.toContain(b.shop.id);
    expect(await listTrainerVillages(actingAs(db, trainer.userId, { locale: 'en' }))).toEqual([
      expect.objectContaining({ id: a.shop.villageId, name: 'Bainiu' }),
    ]);
  });

  it('lists nothing for a user without shops, a buyer or the system', async () => {
    const db = await makeTestDb();
    await makeShop(db);
    const nobody = await makeUser(db);
    expect(await listAccessibleShops(actingAs(db, nobody.id))).toEqual([]);
    expect(await listTrainerVillages(actingAs(db, nobody.id))).toEqual([]);
  });
});
