import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actingAs, makeUser } from '../../test/support/auth-factories.js';
import { contextAs } from '../../test/support/catalog-factories.js';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { hashToken } from '../auth/tokens.js';
import { sqliteClient } from '../db/sqlite/open-sqlite.js';
import { AldeaError } from '../errors.js';
import { apiTokens } from '../schema/api-tokens.js';
import { auditLog } from '../schema/platform.js';
import { platformContext } from '../tenancy/context.js';
import { shopContext } from '../tenancy/shops.js';
import { apiTokenActor, authenticateApiToken } from './authenticate-api-token.js';
import { createApiToken, createPlatformApiToken } from './create-api-token.js';
import { listApiTokens } from './list-api-tokens.js';
import { platformTokenContext } from './platform-token-context.js';
import { revokeApiToken } from './revoke-api-token.js';
import type { CreateApiTokenInput } from './schemas.js';

async function rejection(p: Promise<unknown>): Promise<AldeaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AldeaError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('createApiToken', () => {
  it('shows the secret once, stores only its hash, and audits the creation', async () => {
    const shop = await makeShop(await makeTestDb());
    const owner = await contextAs(shop, 'owner');
    const { token, apiToken } = await createApiToken(owner, {
      name: ' stock sync ',
      scopes: ['catalog:write', 'orders:read', 'catalog:write'],
    });
    expect(token.startsWith(`${apiToken.prefix}_`)).toBe(true);
    expect(apiToken).toMatchObject({
      shopId: shop.shop.id,
      name: 'stock sync',
      scopes: ['catalog:write', 'orders:read'],
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = await shop.db.read.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(-43));
    expect(JSON.stringify(apiToken)).not.toContain(row!.tokenHash);
    const audit = await shop.db.read
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, apiToken.id));
    expect(audit.map((a) => a.action)).toEqual(['api_token.create']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('names the bad field, and refuses platform scopes on a shop token', async () => {
    const shop = await makeShop(await makeTestDb());
    const e = await rejection(createApiToken(shop, { name: '', scopes: ['fx:write' as never] }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.path).sort()).toEqual(['name', 'scopes.0']);
    const none = await rejection(createApiToken(shop, { name: 'x', scopes: [] }));
    expect(none.issues.map((i) => i.path)).toEqual(['scopes']);
  });

  it('needs settings.write: staff are refused, strangers do not see the shop', async () => {
    const shop = await makeShop(await makeTestDb());
    const input: CreateApiTokenInput = { name: 'x', scopes: ['catalog:read'] };
    expect((await rejection(createApiToken(await contextAs(shop, 'staff'), input))).code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(createApiToken(await contextAs(shop, 'none'), input))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(createApiToken(await contextAs(shop, 'buyer'), input))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('a token with settings:write cannot mint another token', async () => {
    const shop = await makeShop(await makeTestDb());
    const { apiToken } = await createApiToken(shop, { name: 'a', scopes: ['settings:write'] });
    const asToken = await shopContext(
      platformContext(shop.db, { actor: apiTokenActor(apiToken) }),
      shop.shop.id,
    );
    expect(asToken.role).toBe('owner');
    const e = await rejection(createApiToken(asToken, { name: 'b', scopes: ['orders:write'] }));
    expect(e.code).toBe('FORBIDDEN');
    expect((await rejection(revokeApiToken(asToken, apiToken.id))).code).toBe('FORBIDDEN');
  });

  it('failed halfway (the audit write fails): no token is saved', async () => {
    const shop = await makeShop(await makeTestDb());
    sqliteClient(shop.db.read).exec(
      "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END",
    );
    await expect(createApiToken(shop, { name: 'x', scopes: ['catalog:read'] })).rejects.toThrow(
      'audit down',
    );
    expect(await shop.db.read.select().from(apiTokens)).toHaveLength(0);
  });
});

describe('authenticateApiToken', () => {
  it('finds a live token, refreshes last-used at most once a minute, refuses revoked ones', async () => {
    const clock = fixedClock();
    const shop = await makeShop(await makeTestDb(), {}, { clock });
    const { token, apiToken } = await createApiToken(shop, { name: 'x', scopes: ['orders:read'] });
    const platform = platformContext(shop.db, { clock });
    const found = await authenticateApiToken(platform, token);
    expect(found).toMatchObject({ id: apiToken.id, shopId: shop.shop.id, scopes: ['orders:read'] });
    const lastUsed = async () => (await listApiTokens(shop))[0]?.lastUsedAt?.getTime();
    expect(await lastUsed()).toBe(clock.now().getTime());
    const first = clock.now().getTime();
    clock.advance(30_000);
    await authenticateApiToken(platform, token);
    expect(await lastUsed()).toBe(first);
    clock.advance(30_000);
    await authenticateApiToken(platform, token);
    expect(await lastUsed()).toBe(first + 60_000);

    await revokeApiToken(shop, apiToken.id);
    expect(await authenticateApiToken(platform, token)).toBeUndefined();
  });

  it.each(['', 'not-a-token', `aldea_0123456789_${'a'.repeat(43)}`])(
    'refuses %j',
    async (bearer) => {
      const platform = platformContext(await makeTestDb());
      expect(await authenticateApiToken(platform, bearer)).toBeUndefined();
    },
  );
});

describe('a token in shop contexts', () => {
  it('acts in its own shop with the least role its scopes need; elsewhere it is a stranger', async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const b = await makeShop(db);
    const reader = await createApiToken(a, { name: 'r', scopes: ['catalog:read'] });
    const refunds = await createApiToken(a, { name: 'w', scopes: ['orders:write'] });
    const as = (id: string) => platformContext(db, { actor: apiTokenActor({ id }) });
    expect((await shopContext(as(reader.apiToken.id), a.shop.id)).role).toBe('staff');
    expect((await shopContext(as(refunds.apiToken.id), a.shop.id)).role).toBe('owner');
    expect((await shopContext(as(reader.apiToken.id), b.shop.id)).role).toBe('none');
    expect((await shopContext(as('tok_unknown'), a.shop.id)).role).toBe('none');
    await revokeApiToken(a, reader.apiToken.id);
    expect((await shopContext(as(reader.apiToken.id), a.shop.id)).role).toBe('none');
  });

  it('does not inherit the rights of the trainer who made it', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const trainer = await contextAs(shop, 'trainer');
    const { apiToken } = await createApiToken(trainer, { name: 't', scopes: ['catalog:read'] });
    expect(apiToken.createdByUserId).not.toBeNull();
    const sibling = await makeShop(db, { villageId: shop.shop.villageId });
    const ctx = platformContext(db, { actor: apiTokenActor(apiToken) });
    expect((await shopContext(ctx, sibling.shop.id)).role).toBe('none');
  });
});

describe('listApiTokens and revokeApiToken', () => {
  it('shop B cannot see or revoke shop A’s tokens', async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const b = await makeShop(db);
    const { apiToken } = await createApiToken(a, { name: 'a', scopes: ['catalog:read'] });
    await createApiToken(b, { name: 'b', scopes: ['catalog:read'] });
    expect((await listApiTokens(a)).map((t) => t.name)).toEqual(['a']);
    expect((await listApiTokens(b)).map((t) => t.name)).toEqual(['b']);
    expect((await rejection(revokeApiToken(b, apiToken.id))).code).toBe('NOT_FOUND');
    expect((await listApiTokens(a))[0]?.revokedAt).toBeNull();
    expect(await listApiTokens(platformContext(db))).toEqual([]);
  });

  it('revoking twice changes nothing the second time', async () => {
    const clock = fixedClock();
    const shop = await makeShop(await makeTestDb(), {}, { clock });
    const { apiToken } = await createApiToken(shop, { name: 'a', scopes: ['catalog:read'] });
    const first = await revokeApiToken(shop, apiToken.id);
    clock.advance(1000);
    const second = await revokeApiToken(shop, apiToken.id);
    expect(second.revokedAt).toEqual(first.revokedAt);
    const audit = await shop.db.read
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, apiToken.id));
    expect(audit.map((r) => r.action).sort()).toEqual(['api_token.create', 'api_token.revoke']);
  });

  it('staff may not list tokens', async () => {
    const shop = await makeShop(await makeTestDb());
    expect((await rejection(listApiTokens(await contextAs(shop, 'staff')))).code).toBe('FORBIDDEN');
  });
});

describe('platform tokens', () => {
  it('are made by operators only and act for them while they stay operators', async () => {
    const db = await makeTestDb();
    const operator = await makeUser(db, { isOperator: true });
    const someone = await makeUser(db);
    const asOperator = actingAs(db, operator.id);
    expect(
      (
        await rejection(
          createPlatformApiToken(actingAs(db, someone.id), { name: 'x', scopes: ['fx:write'] }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const { token, apiToken } = await createPlatformApiToken(asOperator, {
      name: 'ECB cron',
      scopes: ['fx:write'],
    });
    expect(apiToken.shopId).toBeNull();
    expect((await listApiTokens(asOperator)).map((t) => t.id)).toEqual([apiToken.id]);
    const identity = (await authenticateApiToken(platformContext(db), token))!;
    const ctx = await platformTokenContext(platformContext(db), identity, 'fx:write');
    expect(ctx.actor).toEqual({ kind: 'system', name: `api-token:${apiToken.id}` });

    // The maker loses operator rights: the token stops acting for them.
    await db.transaction((tx) =>
      tx.run(sql`update users set is_operator = 0 where id = ${operator.id}`),
    );
    const e = await rejection(platformTokenContext(platformContext(db), identity, 'fx:write'));
    expect(e.code).toBe('FORBIDDEN');
  });

  it('a shop token is never a platform token', async () => {
    const shop = await makeShop(await makeTestDb());
    const { token } = await createApiToken(shop, { name: 'x', scopes: ['settings:write'] });
    const identity = (await authenticateApiToken(platformContext(shop.db), token))!;
    const e = await rejection(platformTokenContext(platformContext(shop.db), identity, 'fx:write'));
    expect(e.code).toBe('FORBIDDEN');
  });
});
