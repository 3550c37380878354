import { describe, expect, it } from 'vitest';
import { fixedClock, uniq } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { isAldeaError } from '../errors.js';
import { platformContext } from '../tenancy/context.js';
import { createUser } from '../tenancy/users.js';
import { SESSION_POLICY } from './session-policy.js';
import { countUserSessions, getSession, signOut, signOutEverywhere } from './sessions.js';
import { signIn } from './sign-in.js';

const cost = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';
const DAY = 24 * 60 * 60_000;

async function user(db: Database, clock = fixedClock(), isOperator = false) {
  const ctx = platformContext(db, { clock });
  const email = `u-${uniq()}@example.com`;
  const { id } = await createUser(
    ctx,
    { name: 'U', email, password: PASSWORD, isOperator },
    { passwordCost: cost },
  );
  const open = async () => {
    const r = await signIn(ctx, { identifier: email, password: PASSWORD, address: 'a' });
    if (!r.ok) throw new Error('sign-in failed');
    return r.session.token;
  };
  return { ctx, clock, id, open };
}

describe('sessions', () => {
  it('ends after the idle timeout, and activity keeps it alive until the absolute limit', async () => {
    const db = await makeTestDb();
    const { ctx, clock, open } = await user(db);
    const token = await open();
    // Active every 6 days: survives the 7-day idle limit…
    for (let day = 6; day < 30; day += 6) {
      clock.advance(6 * DAY);
      expect(await getSession(ctx, token), `day ${day}`).toBeDefined();
    }
    // …but not the 30-day absolute one.
    clock.advance(6 * DAY);
    expect(await getSession(ctx, token)).toBeUndefined();

    const idle = await open();
    clock.advance(SESSION_POLICY.idleMs + 1);
    expect(await getSession(ctx, idle)).toBeUndefined();
  });

  it('ignores unknown and absurd tokens', async () => {
    const db = await makeTestDb();
    const { ctx } = await user(db);
    expect(await getSession(ctx, 'nope')).toBeUndefined();
    expect(await getSession(ctx, 'x'.repeat(10_000))).toBeUndefined();
    expect(await getSession(ctx, '')).toBeUndefined();
  });

  it('signs out one session, or all of them everywhere', async () => {
    const db = await makeTestDb();
    const { ctx, id, open } = await user(db);
    const phone = await open();
    const laptop = await open();
    const tablet = await open();
    await signOut(ctx, phone);
    expect(await getSession(ctx, phone)).toBeUndefined();
    expect(await countUserSessions(ctx, id)).toBe(2);
    const self = { ...ctx, actor: { kind: 'user' as const, userId: id } };
    expect(await signOutEverywhere(self, id)).toBe(2);
    expect(await getSession(ctx, laptop)).toBeUndefined();
    expect(await getSession(ctx, tablet)).toBeUndefined();
  });

  it('lets nobody but the user or an operator sign someone out everywhere', async () => {
    const db = await makeTestDb();
    const clock = fixedClock();
    const victim = await user(db, clock);
    const other = await user(db, clock);
    const operator = await user(db, clock, true);
    const token = await victim.open();
    const err = await signOutEverywhere(
      { ...other.ctx, actor: { kind: 'user', userId: other.id } },
      victim.id,
    ).catch((e: unknown) => e);
    expect(isAldeaError(err, 'FORBIDDEN')).toBe(true);
    expect(await getSession(victim.ctx, token)).toBeDefined();
    await signOutEverywhere(
      { ...operator.ctx, actor: { kind: 'user', userId: operator.id } },
      victim.id,
    );
    expect(await getSession(victim.ctx, token)).toBeUndefined();
  });
});
