import { describe, expect, it } from 'vitest';
import { can, SHOP_ACTIONS, type ShopRole } from './permissions.js';

describe('can', () => {
  const table: [ShopRole, (typeof SHOP_ACTIONS)[number], boolean][] = [
    ['owner', 'orders.refund', true],
    ['staff', 'catalog.write', true],
    ['staff', 'orders.manage', true],
    ['staff', 'orders.refund', false],
    ['staff', 'settings.write', false],
    ['staff', 'payouts.manage', false],
    ['trainer', 'settings.write', true],
    ['operator', 'payouts.manage', true],
    ['buyer', 'shop.read', false],
    ['none', 'shop.read', false],
  ];
  it.each(table)('%s may %s: %s', (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it('denies every action to buyers and strangers', () => {
    for (const action of SHOP_ACTIONS) {
      expect(can('buyer', action)).toBe(false);
      expect(can('none', action)).toBe(false);
    }
  });
});
