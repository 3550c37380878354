import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestDb } from '../../test/support/test-db.js';
import { getSession } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { openSqlite } from '../db/sqlite/open-sqlite.js';
import { platformContext } from '../tenancy/context.js';
import { createUser } from '../tenancy/users.js';
import { acceptInvitation } from './accept-invitation.js';
import { createCohort, getCohort } from './cohorts.js';
import { createInvitation } from './create-invitation.js';
import { openInvitation } from './open-invitation.js';
import { LINKS, PASSWORD, TEST_COST, twoVillages } from './testing/world.js';

const count = async (db: Database, table: string, where = sql`1 = 1`) =>
  (await db.read.get<{ n: number }>(
    sql`select count(*) as n from ${sql.identifier(table)} where ${where}`,
  ))!.n;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('accepting an invitation', () => {
  it('makes the account, the shop (village, language, currency prefilled) and signs the seller in', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const cohort = await createCohort(w.mariana, { villageId: w.comonfort.id, name: 'Otoño' });
    const inv = await createInvitation(
      w.mariana,
      {
        villageId: w.comonfort.id,
        cohortId: cohort.id,
        phone: '+524121234567',
        name: 'Rosario',
        shopName: 'Molcajetes Chayo',
      },
      { links: LINKS },
    );
    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const r = await acceptInvitation(
      anyone,
      {
        villageSlug: w.comonfort.slug,
        secret: inv.token,
        address: 'a',
        name: 'Rosario Pérez',
        password: PASSWORD,
        shopName: 'Molcajetes Doña Chayo',
      },
      { passwordCost: TEST_COST },
    );
    if (!r.ok) throw new Error(r.reason);
    const shop = await db.read.get<Record<string, unknown>>(
      sql`select * from shops where id = ${r.shopId}`,
    );
    expect(shop).toMatchObject({
      village_id: w.comonfort.id,
      slug: 'molcajetes-dona-chayo',
      base_currency: 'MXN',
      default_locale: 'es-MX',
      status: 'onboarding',
    });
    expect(
      await count(
        db,
        'memberships',
        sql`shop_id = ${r.shopId} and user_id = ${r.userId} and role = 'owner'`,
      ),
    ).toBe(1);
    expect((await getCohort(w.mariana, cohort.id)).cohort).toMatchObject({
      shops: 1,
      pendingInvitations: 0,
    });
    const session = await getSession(platformContext(db, { clock: w.clock }), r.session.token);
    expect(session?.user).toMatchObject({ id: r.userId, phone: '+524121234567', locale: 'es-MX' });
    expect(
      await count(
        db,
        'audit_log',
        sql`action = 'onboarding.invitation.accept' and shop_id = ${r.shopId}`,
      ),
    ).toBe(1);

    const again = await acceptInvitation(
      anyone,
      {
        villageSlug: w.comonfort.slug,
        secret: inv.token,
        address: 'a',
        name: 'Otra',
        password: PASSWORD,
        shopName: 'Otra',
      },
      { passwordCost: TEST_COST },
    );
    expect(again).toEqual({ ok: false, reason: 'USED' });
    expect(
      await openInvitation(anyone, {
        villageSlug: w.comonfort.slug,
        secret: inv.code,
        address: 'a',
      }),
    ).toEqual({
      ok: false,
      reason: 'USED',
    });
  });

  it('asks a printed invitation for a phone or email, and gives a Chinese shop name a usable address', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const inv = await createInvitation(
      w.zhang,
      { villageId: w.bainiu.id, name: '王芳' },
      { links: LINKS },
    );
    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const base = {
      villageSlug: w.bainiu.slug,
      secret: inv.code,
      address: 'a',
      name: '王芳',
      password: PASSWORD,
      shopName: '王芳山核桃',
    };
    await expect(acceptInvitation(anyone, base, { passwordCost: TEST_COST })).rejects.toMatchObject(
      {
        code: 'VALIDATION',
        issues: [{ path: 'phone' }],
      },
    );
    await expect(acceptInvitation(anyone, { ...base, password: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'password' }],
    });
    const r = await acceptInvitation(
      anyone,
      { ...base, phone: '+86 138 0013 8000' },
      { passwordCost: TEST_COST },
    );
    if (!r.ok) throw new Error(r.reason);
    const shop = await db.read.get<{ slug: string; base_currency: string }>(
      sql`select * from shops where id = ${r.shopId}`,
    );
    expect(shop!.slug).toMatch(/^shop-[0-9a-f]{6}$/);
    expect(shop!.base_currency).toBe('CNY');
  });

  it('failed halfway (the email already has an account): nothing saved, the invitation still works', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    await createUser(w.system, { email: 'taken@example.com', name: 'Taken' });
    const inv = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, email: 'taken@example.com' },
      { links: LINKS },
    );
    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const shopsBefore = await count(db, 'shops');
    await expect(
      acceptInvitation(
        anyone,
        {
          villageSlug: w.comonfort.slug,
          secret: inv.token,
          address: 'a',
          name: 'T',
          password: PASSWORD,
          shopName: 'Taller T',
        },
        { passwordCost: TEST_COST },
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', issues: [{ path: 'email' }] });
    expect(await count(db, 'shops')).toBe(shopsBefore);
    expect(await count(db, 'users', sql`name = 'T'`)).toBe(0);
    expect(await count(db, 'sessions')).toBe(0);
    expect(
      (
        await openInvitation(anyone, {
          villageSlug: w.comonfort.slug,
          secret: inv.token,
          address: 'a',
        })
      ).ok,
    ).toBe(true);
  });

  it('two devices opening one invitation at the same time make exactly one shop', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const inv = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, phone: '+524151112233' },
      { links: LINKS },
    );
    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const accept = (shopName: string) =>
      acceptInvitation(
        anyone,
        {
          villageSlug: w.comonfort.slug,
          secret: inv.token,
          address: shopName,
          name: shopName,
          password: PASSWORD,
          shopName,
        },
        { passwordCost: TEST_COST },
      );
    const results = await Promise.all([
      accept('Taller Uno'),
      accept('Taller Dos'),
      accept('Taller Tres'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'USED' },
      { ok: false, reason: 'USED' },
    ]);
    expect(await count(db, 'shops', sql`village_id = ${w.comonfort.id}`)).toBe(1);
    expect(await count(db, 'users', sql`phone = '+524151112233'`)).toBe(1);
  });

  it('… also from two processes (two connections to the same file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aldea-accept-'));
    dirs.push(dir);
    const file = join(dir, 'race.db');
    const one = openSqlite({ file });
    await one.migrate();
    const two = openSqlite({ file });
    try {
      const w = await twoVillages(one);
      const inv = await createInvitation(
        w.mariana,
        { villageId: w.comonfort.id, phone: '+524159998877' },
        { links: LINKS },
      );
      const accept = (db: Database, shopName: string) =>
        acceptInvitation(
          platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } }),
          {
            villageSlug: w.comonfort.slug,
            secret: inv.code,
            address: shopName,
            name: shopName,
            password: PASSWORD,
            shopName,
          },
          { passwordCost: TEST_COST },
        );
      const results = await Promise.all([accept(one, 'Taller Norte'), accept(two, 'Taller Sur')]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await count(one, 'shops', sql`village_id = ${w.comonfort.id}`)).toBe(1);
    } finally {
      await two.close();
      await one.close();
    }
  });
});
