import { describe, expect, it } from 'vitest';
import { actingAs, memberOf } from '../../test/support/auth-factories.js';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import { shopContext } from '../tenancy/shops.js';
import { listAuditLog } from './list-audit-log.js';
import { recordAudit } from './record-audit.js';

describe('listAuditLog', () => {
  it('pages newest first through exactly the shop’s entries, with the actor’s name', async () => {
    const db = await makeTestDb();
    const clock = fixedClock();
    const a = await makeShop(db, {}, { clock });
    const b = await makeShop(db, {}, { clock });
    const owner = await memberOf(a, 'owner');
    for (let i = 0; i < 5; i++) {
      clock.advance(i % 2 ? 0 : 1000); // some entries share a timestamp
      await db.transaction((tx) =>
        recordAudit(tx, owner, { action: `price.set.${i}`, entity: 'variant', entityId: `v${i}` }),
      );
    }
    await db.transaction((tx) =>
      recordAudit(tx, b, { action: 'other.shop', entity: 'x', entityId: 'x' }),
    );
    const seen: string[] = [];
    const times: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditLog(owner, { limit: 2, cursor });
      seen.push(...page.items.map((i) => i.action));
      times.push(...page.items.map((i) => i.createdAt.getTime()));
      expect(page.items.every((i) => i.actorName === 'Test User')).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Each entry exactly once, newest first (ties on the timestamp break on the id).
    expect([...seen].sort()).toEqual([
      'price.set.0',
      'price.set.1',
      'price.set.2',
      'price.set.3',
      'price.set.4',
    ]);
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(seen[0]).toBe('price.set.4');
  });

  it('gives shop B nothing of shop A, a stranger NOT_FOUND, and refuses a forged cursor', async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const b = await makeShop(db);
    await db.transaction((tx) => recordAudit(tx, a, { action: 'x', entity: 'x', entityId: 'x' }));
    expect((await listAuditLog(b)).items).toEqual([]);
    const stranger = await memberOf(b, 'owner');
    const asStranger = await shopContext(actingAs(db, stranger.userId), a.shop.id);
    expect(isAldeaError(await listAuditLog(asStranger).catch((e) => e), 'NOT_FOUND')).toBe(true);
    const forged = await listAuditLog(a, { cursor: 'bm9wZQ' }).catch((e) => e);
    expect(isAldeaError(forged, 'VALIDATION')).toBe(true);
  });
});
