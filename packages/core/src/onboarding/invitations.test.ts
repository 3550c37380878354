import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import { outbox } from '../schema/platform.js';
import { platformContext } from '../tenancy/context.js';
import { createCohort } from './cohorts.js';
import { createInvitation } from './create-invitation.js';
import type { InvitationMessage } from './invitation-message.js';
import { normalizeInvitationCode } from './invitation-secrets.js';
import {
  issueInvitationsForPrint,
  listInvitations,
  revokeInvitation,
} from './manage-invitations.js';
import { openInvitation } from './open-invitation.js';
import { LINKS, person, twoVillages } from './testing/world.js';

const DAY = 24 * 60 * 60_000;

describe('invitations', () => {
  it('sends an email invitation through the outbox, with a link and a code that both open it', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const cohort = await createCohort(w.mariana, { villageId: w.comonfort.id, name: 'Primavera' });
    const issued = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, cohortId: cohort.id, email: 'Chayo@Example.com', name: 'Chayo' },
      { links: LINKS },
    );
    expect(issued.invitation).toMatchObject({
      channel: 'email',
      email: 'chayo@example.com',
      locale: 'es-MX',
      currency: 'MXN',
      status: 'pending',
    });
    expect(issued.url).toBe(`https://aldea.test/admin/invite/${w.comonfort.slug}/${issued.token}`);
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);

    const [message] = await db.read
      .select()
      .from(outbox)
      .where(eq(outbox.kind, 'onboarding.invitation'));
    const payload = message!.payload as InvitationMessage;
    expect(payload).toMatchObject({
      to: 'chayo@example.com',
      url: issued.url,
      code: issued.code,
      village: 'Comonfort',
    });

    // Nothing secret is stored in the clear.
    const row = await db.read.get<Record<string, unknown>>(sql`select * from invitations`);
    expect(JSON.stringify(row)).not.toContain(issued.token);
    expect(JSON.stringify(row)).not.toContain(normalizeInvitationCode(issued.code));

    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const byToken = await openInvitation(anyone, {
      villageSlug: w.comonfort.slug,
      secret: issued.token,
      address: 'a',
    });
    expect(byToken).toMatchObject({
      ok: true,
      invitation: { name: 'Chayo', currency: 'MXN', needsContact: false },
    });
    // Typed by hand: lower case, no dash, O for 0 and l for 1 still work.
    const typed = issued.code.replace('-', '').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const byCode = await openInvitation(anyone, {
      villageSlug: w.comonfort.slug,
      secret: typed,
      address: 'a',
    });
    expect(byCode.ok).toBe(true);
  });

  it('refuses a link opened under another village, an expired one and a revoked one, each by name', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const a = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, name: 'Ana', expiresInDays: 2 },
      { links: LINKS },
    );
    const open = (secret: string, village = w.comonfort.slug) =>
      openInvitation(anyone, { villageSlug: village, secret, address: 'x' });
    expect(await open(a.token, w.bainiu.slug)).toEqual({ ok: false, reason: 'WRONG_VILLAGE' });
    expect(await open('not-a-token')).toEqual({ ok: false, reason: 'UNKNOWN' });
    expect(await open('A'.repeat(43))).toEqual({ ok: false, reason: 'UNKNOWN' });

    const b = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, name: 'Beto' },
      { links: LINKS },
    );
    const revoked = await revokeInvitation(w.mariana, b.invitation.id);
    expect(revoked.status).toBe('revoked');
    expect(await open(b.token)).toEqual({ ok: false, reason: 'REVOKED' });

    w.clock.advance(2 * DAY);
    expect(await open(a.token)).toEqual({ ok: false, reason: 'EXPIRED' });
    const list = await listInvitations(w.mariana, { villageId: w.comonfort.id });
    expect(list.map((i) => i.status).sort()).toEqual(['expired', 'revoked']);
  });

  it('rate-limits wrong codes per address, invitations per trainer and per person', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const good = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, name: 'Eva' },
      { links: LINKS },
    );
    for (let i = 0; i < 10; i++) {
      const r = await openInvitation(anyone, {
        villageSlug: w.comonfort.slug,
        secret: 'ZZZZZ-ZZZZZ',
        address: '203.0.113.9',
      });
      expect(r).toEqual({ ok: false, reason: 'UNKNOWN' });
    }
    // Now even the right code is refused from that address, but not from another one.
    const blocked = await openInvitation(anyone, {
      villageSlug: w.comonfort.slug,
      secret: good.code,
      address: '203.0.113.9',
    });
    expect(blocked).toEqual({ ok: false, reason: 'THROTTLED' });
    const other = await openInvitation(anyone, {
      villageSlug: w.comonfort.slug,
      secret: good.code,
      address: '198.51.100.1',
    });
    expect(other.ok).toBe(true);
    w.clock.advance(16 * 60_000);
    const later = await openInvitation(anyone, {
      villageSlug: w.comonfort.slug,
      secret: good.code,
      address: '203.0.113.9',
    });
    expect(later.ok).toBe(true);

    const invite = () =>
      createInvitation(
        w.mariana,
        { villageId: w.comonfort.id, phone: '+52 415 123 4567' },
        { links: LINKS },
      );
    await invite();
    await invite();
    const third = await invite();
    await expect(invite()).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      issues: [{ path: 'phone' }],
    });
    // Each resend revoked the previous one: only the newest works.
    const pending = (await listInvitations(w.mariana, { villageId: w.comonfort.id })).filter(
      (i) => i.status === 'pending' && i.phone,
    );
    expect(pending.map((i) => i.id)).toEqual([third.invitation.id]);

    await expect(
      createInvitation(
        w.mariana,
        { villageId: w.comonfort.id, name: 'Fede' },
        { links: LINKS, limits: { perCreatorPerHour: 4 } },
      ),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps a trainer to their own villages (reads and writes)', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const mine = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, name: 'Gil' },
      { links: LINKS },
    );
    const notFound = (p: Promise<unknown>) =>
      expect(p).rejects.toSatisfy((e) => isAldeaError(e, 'NOT_FOUND'));
    await notFound(
      createInvitation(w.zhang, { villageId: w.comonfort.id, name: 'X' }, { links: LINKS }),
    );
    await notFound(listInvitations(w.zhang, { villageId: w.comonfort.id }));
    await notFound(revokeInvitation(w.zhang, mine.invitation.id));
    await notFound(createCohort(w.zhang, { villageId: w.comonfort.id, name: 'Nope' }));
    await notFound(
      issueInvitationsForPrint(w.zhang, { villageId: w.comonfort.id }, { links: LINKS }),
    );
    const stranger = await person(db, w.clock);
    await notFound(listInvitations(stranger, { villageId: w.comonfort.id }));
    // An operator may help anywhere.
    const operator = await person(db, w.clock, { operator: true });
    expect(await listInvitations(operator, { villageId: w.comonfort.id })).toHaveLength(1);
  });

  it('prints fresh codes: the codes printed before stop working', async () => {
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const anyone = platformContext(db, { clock: w.clock, actor: { kind: 'buyer' } });
    const cohort = await createCohort(w.mariana, { villageId: w.comonfort.id, name: 'Taller' });
    const first = await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, cohortId: cohort.id, name: 'Hilda' },
      { links: LINKS },
    );
    await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, cohortId: cohort.id, email: 'ivan@example.com' },
      { links: LINKS },
    );
    const sheet = await issueInvitationsForPrint(
      w.mariana,
      { cohortId: cohort.id },
      { links: LINKS },
    );
    // Only the printed-channel invitation: the emailed link stays valid.
    expect(sheet.map((s) => s.invitation.name)).toEqual(['Hilda']);
    const open = (secret: string) =>
      openInvitation(anyone, { villageSlug: w.comonfort.slug, secret, address: 'p' });
    expect(await open(first.code)).toEqual({ ok: false, reason: 'UNKNOWN' });
    expect((await open(sheet[0]!.code)).ok).toBe(true);
    expect((await open(sheet[0]!.token)).ok).toBe(true);
  });
});
