import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../../test/support/test-db.js';
import { platformContext } from '../../tenancy/context.js';
import { acceptInvitation } from '../accept-invitation.js';
import { createCohort } from '../cohorts.js';
import { LINKS, PASSWORD, TEST_COST, twoVillages } from '../testing/world.js';
import { importSellers } from './import-sellers.js';
import { fileSource } from './import-source.js';

const FIXTURES = new URL('../../../test/fixtures/csv/sellers/', import.meta.url);
const fixture = (name: string) => fileSource(new URL(name, FIXTURES).pathname);

describe('importSellers', () => {
  it('turns a 30-seller sheet into invitations: email, SMS or print, idempotent on re-import', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const cohort = await createCohort(w.mariana, {
      villageId: w.comonfort.id,
      name: 'Taller de primavera',
    });
    const opts = { villageId: w.comonfort.id, cohortId: cohort.id, links: LINKS } as const;
    const dry = await importSellers(w.mariana, fixture('sellers-30.csv'), {
      ...opts,
      mode: 'dry-run',
    });
    expect(dry).toMatchObject({
      rows: 30,
      created: 30,
      errors: 0,
      written: false,
      invitations: [],
    });
    const r = await importSellers(w.mariana, fixture('sellers-30.csv'), {
      ...opts,
      mode: 'all-or-nothing',
    });
    expect(r).toMatchObject({ created: 30, errors: 0, written: true });
    expect(r.invitations).toHaveLength(30);
    const channels = await db.read.all<{ channel: string; n: number }>(
      sql`select channel, count(*) as n from invitations group by channel order by channel`,
    );
    expect(channels).toEqual([
      { channel: 'email', n: 10 },
      { channel: 'print', n: 10 },
      { channel: 'sms', n: 10 },
    ]);
    const messages = await db.read.get<{ n: number }>(
      sql`select count(*) as n from outbox where kind = 'onboarding.invitation'`,
    );
    expect(messages!.n).toBe(20);

    // One seller joins; the sheet is imported again: nobody is invited twice.
    const chayo = r.invitations.find((i) => i.invitation.phone)!;
    const joined = await acceptInvitation(
      platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } }),
      {
        villageSlug: w.comonfort.slug,
        secret: chayo.token,
        address: 'a',
        name: 'Chayo',
        password: PASSWORD,
        shopName: 'Taller Chayo',
      },
      { passwordCost: TEST_COST },
    );
    expect(joined.ok).toBe(true);
    const again = await importSellers(w.mariana, fixture('sellers-30.csv'), {
      ...opts,
      mode: 'all-or-nothing',
    });
    expect(again).toMatchObject({ created: 0, updated: 29, skipped: 1, warnings: 1 });
    expect(again.problems).toMatchObject([{ code: 'ALREADY_JOINED', severity: 'warning' }]);
    const total = await db.read.get<{ n: number }>(sql`select count(*) as n from invitations`);
    expect(total!.n).toBe(30);
  });

  it('reports bad emails, phones, languages, duplicates and formulas by row and column', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const r = await importSellers(w.mariana, fixture('sellers-malformed.csv'), {
      villageId: w.comonfort.id,
      links: LINKS,
      mode: 'all-or-nothing',
    });
    expect(r.written).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'email', 'BAD_EMAIL'],
      [4, 'phone', 'BAD_PHONE'],
      [5, 'name', 'NO_CONTACT'],
      [6, null, 'DUPLICATE_CONTACT'],
      [7, 'locale', 'BAD_LOCALE'],
      [8, 'name', 'FORMULA'],
    ]);
    const none = await db.read.get<{ n: number }>(sql`select count(*) as n from invitations`);
    expect(none!.n).toBe(0);
    const some = await importSellers(w.mariana, fixture('sellers-malformed.csv'), {
      villageId: w.comonfort.id,
      links: LINKS,
      mode: 'good-rows',
    });
    expect(some).toMatchObject({ created: 1, written: true, skipped: 6 });
  });

  it('reads a GBK sheet from Chinese Excel, and keeps trainers to their villages', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const r = await importSellers(w.zhang, fixture('sellers-gbk.csv'), {
      villageId: w.bainiu.id,
      links: LINKS,
      mode: 'good-rows',
    });
    expect(r).toMatchObject({ created: 2, file: { encoding: 'gbk' } });
    expect(
      r.invitations.map((i) => [i.invitation.name, i.invitation.shopName, i.invitation.currency]),
    ).toEqual([
      ['王芳', '王芳山核桃', 'CNY'],
      ['李强', '李家炒货', 'CNY'],
    ]);
    await expect(
      importSellers(w.zhang, fixture('sellers-30.csv'), {
        villageId: w.comonfort.id,
        links: LINKS,
        mode: 'dry-run',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses the whole sheet when it would pass the hourly invitation budget', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const r = await importSellers(w.mariana, fixture('sellers-30.csv'), {
      villageId: w.comonfort.id,
      links: LINKS,
      mode: 'good-rows',
      invitationLimits: { perCreatorPerHour: 20 },
    });
    expect(r).toMatchObject({ written: false, created: 0 });
    expect(r.problems).toMatchObject([{ row: null, code: 'RATE_LIMITED', params: { max: 20 } }]);
    const none = await db.read.get<{ n: number }>(sql`select count(*) as n from invitations`);
    expect(none!.n).toBe(0);
  });
});
