import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fixedClock, uniq } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { isAldeaError } from '../errors.js';
import { loginFailures, sessions } from '../schema/auth.js';
import { platformContext } from '../tenancy/context.js';
import { createUser } from '../tenancy/users.js';
import { getSession } from './sessions.js';
import { signIn } from './sign-in.js';

const cost = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';

async function setup(db: Database, clock = fixedClock()) {
  const ctx = platformContext(db, { clock });
  const email = `lupita-${uniq()}@example.com`;
  const phone = `+52141512${Math.floor(10000 + Math.random() * 89999)}`;
  const { id } = await createUser(
    ctx,
    { name: 'Lupita', email, phone, password: PASSWORD, locale: 'es-MX' },
    { passwordCost: cost },
  );
  return { ctx, clock, email, phone, userId: id };
}

describe('signIn', () => {
  it('signs in with an email or a phone number typed loosely, and opens a session', async () => {
    const db = await makeTestDb();
    const { ctx, email, phone, userId } = await setup(db);
    const byEmail = await signIn(ctx, {
      identifier: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      address: '203.0.113.7',
    });
    expect(byEmail.ok).toBe(true);
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 6)}-${phone.slice(6)}`;
    const byPhone = await signIn(ctx, { identifier: spaced, password: PASSWORD, address: 'a' });
    expect(byPhone.ok).toBe(true);
    if (!byEmail.ok) return;
    const s = await getSession(ctx, byEmail.session.token);
    expect(s?.user).toMatchObject({ id: userId, name: 'Lupita', locale: 'es-MX' });
    expect(s?.csrfToken).toBe(byEmail.session.csrfToken);
  });

  it('stores only a hash of the session token', async () => {
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    const r = await signIn(ctx, { identifier: email, password: PASSWORD, address: 'a' });
    if (!r.ok) throw new Error('expected ok');
    const rows = await db.read.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(r.session.token);
  });

  it('refuses a wrong password and an unknown account with the same reason', async () => {
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    const wrong = await signIn(ctx, { identifier: email, password: 'nope', address: 'a' });
    const unknown = await signIn(ctx, {
      identifier: `ghost-${uniq()}@example.com`,
      password: 'nope',
      address: 'b',
    });
    expect(wrong).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect(unknown).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    expect(await db.read.select().from(sessions)).toHaveLength(0);
  });

  it('refuses a disabled user like an unknown one', async () => {
    const db = await makeTestDb();
    const { ctx, email, userId } = await setup(db);
    const { users } = await import('../schema/tenancy.js');
    await db.transaction((tx) =>
      tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)),
    );
    const r = await signIn(ctx, { identifier: email, password: PASSWORD, address: 'a' });
    expect(r).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
  });

  it('rotates the session at sign-in: a token held before is dead after (fixation)', async () => {
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    const first = await signIn(ctx, { identifier: email, password: PASSWORD, address: 'a' });
    if (!first.ok) throw new Error('expected ok');
    const second = await signIn(
      ctx,
      { identifier: email, password: PASSWORD, address: 'a' },
      { previousToken: first.session.token },
    );
    if (!second.ok) throw new Error('expected ok');
    expect(second.session.token).not.toBe(first.session.token);
    expect(second.session.csrfToken).not.toBe(first.session.csrfToken);
    expect(await getSession(ctx, first.session.token)).toBeUndefined();
    expect(await getSession(ctx, second.session.token)).toBeDefined();
  });

  it('names the field on bad input', async () => {
    const db = await makeTestDb();
    const { ctx } = await setup(db);
    const err = await signIn(ctx, { identifier: 'x', password: '', address: 'a' }).catch(
      (e: unknown) => e,
    );
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    const paths = (err as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['identifier', 'password']));
  });
});

describe('login throttle', () => {
  it('locks an account after 10 failures in 15 minutes, even for the right password, then lets it go', async () => {
    const db = await makeTestDb();
    const { ctx, clock, email } = await setup(db);
    for (let i = 0; i < 10; i++) {
      const r = await signIn(ctx, { identifier: email, password: 'bad', address: `10.0.0.${i}` });
      expect(r).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    }
    const locked = await signIn(ctx, {
      identifier: email,
      password: PASSWORD,
      address: '10.9.9.9',
    });
    expect(locked).toEqual({ ok: false, reason: 'THROTTLED' });
    clock.advance(15 * 60_000 + 1);
    const later = await signIn(ctx, { identifier: email, password: PASSWORD, address: '10.9.9.9' });
    expect(later.ok).toBe(true);
  });

  it('throttles an address trying many accounts', async () => {
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    for (let i = 0; i < 10; i++) {
      await signIn(ctx, { identifier: email, password: `bad-${i}`, address: '198.51.100.1' });
    }
    // Another address is still welcome for a different account.
    const other = await setup(db);
    const elsewhere = await signIn(ctx, {
      identifier: other.email,
      password: PASSWORD,
      address: '198.51.100.2',
    });
    expect(elsewhere.ok).toBe(true);
    const same = await signIn(ctx, {
      identifier: other.email,
      password: PASSWORD,
      address: '198.51.100.1',
    });
    expect(same).toEqual({ ok: false, reason: 'THROTTLED' });
  });

  it('throttles an unknown account exactly like a known one', async () => {
    const db = await makeTestDb();
    const { ctx } = await setup(db);
    const ghost = `ghost-${uniq()}@example.com`;
    const results = [];
    // Lower limits keep this test fast: each unknown-account check costs a full scrypt.
    const throttle = { maxPerAccount: 3 };
    for (let i = 0; i < 4; i++) {
      results.push(
        await signIn(
          ctx,
          { identifier: ghost, password: 'x', address: `10.1.0.${i}` },
          { throttle },
        ),
      );
    }
    expect(results.map((r) => !r.ok && r.reason)).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'THROTTLED',
    ]);
  });

  it('a success clears the account counter but stores no identifier or address in the clear', async () => {
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    for (let i = 0; i < 9; i++) {
      await signIn(ctx, { identifier: email, password: 'bad', address: '192.0.2.55' });
    }
    const rows = await db.read.select().from(loginFailures);
    expect(JSON.stringify(rows)).not.toContain(email);
    expect(JSON.stringify(rows)).not.toContain('192.0.2.55');
    expect((await signIn(ctx, { identifier: email, password: PASSWORD, address: 'z' })).ok).toBe(
      true,
    );
    const left = await db.read
      .select()
      .from(loginFailures)
      .where(eq(loginFailures.scope, 'account'));
    expect(left).toHaveLength(0);
  });
});
