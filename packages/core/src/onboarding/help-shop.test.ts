import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contextAs } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { openShopForHelp } from './help-shop.js';

describe('openShopForHelp', () => {
  it("writes who came in to the shop's own log; members need not, strangers cannot", async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const trainer = await contextAs(shop, 'trainer');
    await openShopForHelp(trainer, 'photos for the new molcajete');
    const row = await db.read.get<{ actor_role: string; action: string; data: string }>(
      sql`select actor_role, action, data from audit_log where shop_id = ${shop.shop.id}`,
    );
    expect(row).toMatchObject({ actor_role: 'trainer', action: 'onboarding.help.open' });
    expect(JSON.parse(row!.data)).toEqual({ note: 'photos for the new molcajete' });
    await expect(openShopForHelp(await contextAs(shop, 'owner'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(openShopForHelp(await contextAs(shop, 'none'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const other = await makeShop(db);
    const outsider = {
      ...(await contextAs(other, 'trainer')),
      shop: shop.shop,
      role: 'none' as const,
    };
    await expect(openShopForHelp(outsider)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
