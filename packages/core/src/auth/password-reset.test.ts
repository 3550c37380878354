import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fixedClock, uniq } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { outbox } from '../schema/platform.js';
import { platformContext } from '../tenancy/context.js';
import { createUser } from '../tenancy/users.js';
import {
  isResetTokenValid,
  PASSWORD_RESET_MESSAGE,
  type PasswordResetMessage,
  requestPasswordReset,
  resetPassword,
} from './password-reset.js';
import { getSession } from './sessions.js';
import { signIn } from './sign-in.js';

const cost = { logN: 10, r: 8, p: 1 };
const resetUrl = (t: string) => `https://admin.example.org/admin/reset/${t}`;

async function setup(db: Database) {
  const clock = fixedClock();
  const ctx = platformContext(db, { clock });
  const email = `r-${uniq()}@example.com`;
  const { id } = await createUser(
    ctx,
    { name: 'Wang', email, password: 'old password 123', locale: 'zh-CN' },
    { passwordCost: cost },
  );
  return { ctx, clock, email, id };
}

async function sentLinks(db: Database) {
  const rows = await db.read.select().from(outbox).where(eq(outbox.kind, PASSWORD_RESET_MESSAGE));
  return rows.map((r) => r.payload as PasswordResetMessage);
}

const tokenOf = (m: PasswordResetMessage) => m.url.split('/').pop()!;

describe('password reset', () => {
  it('sends a one-time link through the outbox, in the user language', async () => {
    const db = await makeTestDb();
    const { ctx, email, id } = await setup(db);
    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    const [msg] = await sentLinks(db);
    expect(msg).toMatchObject({ userId: id, channel: 'email', to: email, locale: 'zh-CN' });
    expect(msg!.url.startsWith('https://admin.example.org/admin/reset/')).toBe(true);
  });

  it('resolves the same way for an unknown account and sends nothing', async () => {
    const db = await makeTestDb();
    const { ctx } = await setup(db);
    await expect(
      requestPasswordReset(ctx, { identifier: `ghost-${uniq()}@x.org` }, { resetUrl }),
    ).resolves.toBeUndefined();
    expect(await sentLinks(db)).toHaveLength(0);
  });

  it('sets the new password, ends every session, and works only once', async () => {
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    const before = await signIn(ctx, {
      identifier: email,
      password: 'old password 123',
      address: 'a',
    });
    if (!before.ok) throw new Error('expected ok');
    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    const token = tokenOf((await sentLinks(db))[0]!);
    expect(await isResetTokenValid(ctx, token)).toBe(true);
    const r = await resetPassword(
      ctx,
      { token, password: 'new password 456' },
      { passwordCost: cost },
    );
    expect(r.ok).toBe(true);
    expect(await getSession(ctx, before.session.token)).toBeUndefined();
    expect(
      (await signIn(ctx, { identifier: email, password: 'new password 456', address: 'a' })).ok,
    ).toBe(true);
    expect(
      (await signIn(ctx, { identifier: email, password: 'old password 123', address: 'a' })).ok,
    ).toBe(false);
    const again = await resetPassword(
      ctx,
      { token, password: 'third password 789' },
      { passwordCost: cost },
    );
    expect(again).toEqual({ ok: false, reason: 'INVALID_TOKEN' });
  });

  it('refuses an expired link and voids the other links once one is used', async () => {
    const db = await makeTestDb();
    const { ctx, clock, email } = await setup(db);
    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    const [first, second] = (await sentLinks(db)).map(tokenOf);
    expect(
      (
        await resetPassword(
          ctx,
          { token: first!, password: 'new password 456' },
          { passwordCost: cost },
        )
      ).ok,
    ).toBe(true);
    expect(await isResetTokenValid(ctx, second!)).toBe(false);

    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    const third = tokenOf((await sentLinks(db))[2]!);
    clock.advance(61 * 60_000);
    const late = await resetPassword(
      ctx,
      { token: third, password: 'new password 789' },
      { passwordCost: cost },
    );
    expect(late).toEqual({ ok: false, reason: 'INVALID_TOKEN' });
  });

  it('sends at most three links an hour per account', async () => {
    const db = await makeTestDb();
    const { ctx, clock, email } = await setup(db);
    for (let i = 0; i < 5; i++)
      await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    expect(await sentLinks(db)).toHaveLength(3);
    clock.advance(61 * 60_000);
    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    expect(await sentLinks(db)).toHaveLength(4);
  });

  it('keeps the old password when the new one is too short', async () => {
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    const token = tokenOf((await sentLinks(db))[0]!);
    await expect(resetPassword(ctx, { token, password: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'password' })],
    });
    expect(await isResetTokenValid(ctx, token)).toBe(true);
    expect(
      (await signIn(ctx, { identifier: email, password: 'old password 123', address: 'a' })).ok,
    ).toBe(true);
  });
});

describe('password reset email', () => {
  it('renders the link in the user language, and nothing for a phone-only account', async () => {
    const { passwordResetEmailRenderer } = await import('./password-reset-email.js');
    const db = await makeTestDb();
    const { ctx, email } = await setup(db);
    await requestPasswordReset(ctx, { identifier: email }, { resetUrl });
    const [row] = await db.read
      .select()
      .from(outbox)
      .where(eq(outbox.kind, PASSWORD_RESET_MESSAGE));
    const mail = await passwordResetEmailRenderer(ctx, row!, { publicUrl: 'https://x' });
    expect(mail?.to).toEqual([email]);
    expect(mail?.subject).toBe('设置新的 Aldea 密码');
    expect(mail?.text).toContain((row!.payload as PasswordResetMessage).url);
    expect(mail?.html).toContain('<a href="https://admin.example.org/admin/reset/');
    const sms = await passwordResetEmailRenderer(
      ctx,
      { ...row!, payload: { ...row!.payload, channel: 'sms', to: '+5214151234567' } },
      { publicUrl: 'https://x' },
    );
    expect(sms).toBeNull();
  });
});
