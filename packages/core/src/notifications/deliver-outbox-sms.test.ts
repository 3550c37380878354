import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import { createInvitation } from '../onboarding/create-invitation.js';
import { LINKS, twoVillages } from '../onboarding/testing/world.js';
import { outbox } from '../schema/platform.js';
import { platformContext } from '../tenancy/context.js';
import { type DeliverOutboxOptions, deliverOutbox } from './deliver-outbox.js';
import type { Mailer, OutgoingEmail } from './mailer.js';
import { twilioSmsSender } from './sms-sender.js';
import { type FakeTwilio, startFakeTwilio } from './testing/fake-twilio.js';

let twilio: FakeTwilio;
const emails: OutgoingEmail[] = [];
const mailer: Mailer = {
  send: async (email) => {
    emails.push(email);
  },
  close() {},
};

beforeAll(async () => {
  twilio = await startFakeTwilio();
});
afterAll(() => twilio.close());
beforeEach(() => {
  twilio.received.length = 0;
  twilio.failNext.length = 0;
  emails.length = 0;
});

const smsSender = () =>
  twilioSmsSender({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: '+15005550006',
    baseUrl: twilio.baseUrl,
  });

/** A fresh database with two villages, a worker, and a seller invited by phone (and one by email). */
async function invitedByPhone() {
  const db = await makeTestDb();
  const w = await twoVillages(db);
  const worker = platformContext(db, { clock: w.clock });
  const bySms = await createInvitation(
    w.mariana,
    { villageId: w.comonfort.id, phone: '+52 415 123 4567', name: 'Chayo' },
    { links: LINKS },
  );
  const byEmail = await createInvitation(
    w.mariana,
    { villageId: w.comonfort.id, email: 'lupita@aldea.test', name: 'Lupita' },
    { links: LINKS },
  );
  const rows = await db.read.select().from(outbox);
  const smsRow = rows.find((r) => r.payload.channel === 'sms')!;
  const rowOf = async () =>
    (await db.read.select().from(outbox).where(eq(outbox.id, smsRow.id)))[0]!;
  const run = (opts: Partial<DeliverOutboxOptions>) =>
    deliverOutbox(worker, { publicUrl: 'https://aldea.test', ...opts });
  return { db, w, bySms, byEmail, rowOf, run };
}

const both = () => ({ mailer, from: 'Aldea <hola@aldea.test>', smsSender: smsSender() });

describe('the outbox worker with an SMS sender', () => {
  it('texts a phone invitation exactly once, with its link and code, and emails the other', async () => {
    const { bySms, rowOf, run } = await invitedByPhone();
    expect(await run(both())).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(twilio.received).toHaveLength(1);
    const [sms] = twilio.received;
    expect(sms).toMatchObject({ to: '+524151234567', from: '+15005550006' });
    expect(sms!.body).toContain(bySms.url);
    expect(sms!.body).toContain(bySms.code);
    expect(sms!.body).toContain('Te invitamos'); // the village's language
    expect(emails.map((e) => e.to)).toEqual([['lupita@aldea.test']]);
    expect(await rowOf()).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    // Never twice.
    expect(await run(both())).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(twilio.received).toHaveLength(1);
  });

  it('marks a message the provider refuses (400) failed, and never retries it', async () => {
    const { w, rowOf, run } = await invitedByPhone();
    twilio.failNext.push(400);
    expect(await run({ smsSender: smsSender() })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await rowOf();
    expect(row.status).toBe('failed');
    expect(row.lastError).toContain('HTTP 400');
    w.clock.advance(24 * 3_600_000);
    expect(await run({ smsSender: smsSender() })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(twilio.received).toEqual([]);
  });

  it.each([500, 429])('retries after a %i with backoff, then delivers once', async (status) => {
    const { w, rowOf, run } = await invitedByPhone();
    twilio.failNext.push(status);
    expect(await run({ smsSender: smsSender() })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await rowOf()).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await run({ smsSender: smsSender() })).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due
    w.clock.advance(60_000);
    expect(await run({ smsSender: smsSender() })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await rowOf()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(twilio.received).toHaveLength(1);
  });

  it('gives up after maxAttempts temporary failures', async () => {
    const { w, rowOf, run } = await invitedByPhone();
    twilio.failNext.push(503, 503);
    expect((await run({ smsSender: smsSender(), maxAttempts: 2 })).retried).toBe(1);
    w.clock.advance(60_000);
    expect((await run({ smsSender: smsSender(), maxAttempts: 2 })).failed).toBe(1);
    expect((await rowOf()).status).toBe('failed');
  });
});

describe('the outbox worker without an SMS sender', () => {
  it('leaves SMS rows pending, untouched, while email goes out as before', async () => {
    const { w, rowOf, run } = await invitedByPhone();
    const before = await rowOf();
    expect(await run({ mailer, from: 'Aldea <hola@aldea.test>' })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(emails.map((e) => e.to)).toEqual([['lupita@aldea.test']]);
    w.clock.advance(7 * 24 * 3_600_000);
    await run({ mailer, from: 'Aldea <hola@aldea.test>' });
    expect(await rowOf()).toEqual(before); // pending, 0 attempts, no error: not lost
    // Once a sender is configured, it goes out.
    expect(await run({ smsSender: smsSender() })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(twilio.received).toHaveLength(1);
  });

  it('an SMS-only worker leaves email rows pending', async () => {
    const { db, run } = await invitedByPhone();
    expect(await run({ smsSender: smsSender() })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const rows = await db.read.select().from(outbox);
    expect(rows.find((r) => r.payload.channel === 'email')).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    expect(emails).toEqual([]);
  });

  it('does nothing with neither a mailer nor an SMS sender', async () => {
    const { run } = await invitedByPhone();
    expect(await run({})).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('refuses a mailer without a From address', async () => {
    const { run } = await invitedByPhone();
    const err = await run({ mailer }).catch((e: unknown) => e);
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect(emails).toEqual([]);
  });
});

describe('password resets by SMS', () => {
  it('texts a phone-only account its link, in its language, and skips one past its hour', async () => {
    const { requestPasswordReset } = await import('../auth/password-reset.js');
    const { createUser } = await import('../tenancy/users.js');
    const db = await makeTestDb();
    const w = await twoVillages(db);
    const ctx = platformContext(db, { clock: w.clock });
    await createUser(ctx, { name: 'Chayo', phone: '+524151112233', locale: 'es-MX' });
    const resetUrl = (t: string) => `https://aldea.test/admin/reset/${t}`;
    await requestPasswordReset(ctx, { identifier: '+524151112233' }, { resetUrl });
    const run = () =>
      deliverOutbox(ctx, { publicUrl: 'https://aldea.test', smsSender: smsSender() });
    expect(await run()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(twilio.received).toHaveLength(1);
    expect(twilio.received[0]!.to).toBe('+524151112233');
    expect(twilio.received[0]!.body).toMatch(
      /^Aldea: abre https:\/\/aldea\.test\/admin\/reset\/\S+ para elegir/,
    );

    await requestPasswordReset(ctx, { identifier: '+524151112233' }, { resetUrl });
    w.clock.advance(61 * 60_000); // the link is dead before any sender sees it
    expect(await run()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(twilio.received).toHaveLength(1);
  });
});
