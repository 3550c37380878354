import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import { platformContext } from '../tenancy/context.js';
import { enqueueJob } from './enqueue-job.js';
import { findJob } from './find-jobs.js';
import { claimNextJob, completeJob, failJobAttempt, reportJobProgress } from './job-lease.js';

async function setup() {
  const db = await makeTestDb();
  const clock = fixedClock();
  return { ctx: platformContext(db, { clock }), clock };
}

const backoff = { baseMs: 1000, maxMs: 10_000 };

describe('the job lease', () => {
  it('claims a due job once, counting the attempt', async () => {
    const { ctx } = await setup();
    const queued = await enqueueJob(ctx, { type: 'test.echo', payload: { n: 1 } });
    expect(queued.status).toBe('queued');
    const claim = await claimNextJob(ctx, { types: ['test.echo'] });
    expect(claim).toMatchObject({ id: queued.id, attempt: 1, payload: { n: 1 } });
    expect(await claimNextJob(ctx, { types: ['test.echo'] })).toBeUndefined();
    expect((await findJob(ctx, queued.id))?.status).toBe('running');
  });

  it('claims only the types asked for, oldest due first, and not before their time', async () => {
    const { ctx, clock } = await setup();
    const later = await enqueueJob(ctx, { type: 'test.a', delayMs: 60_000 });
    clock.advance(1);
    const first = await enqueueJob(ctx, { type: 'test.a' });
    clock.advance(1);
    const second = await enqueueJob(ctx, { type: 'test.a' });
    await enqueueJob(ctx, { type: 'test.other' });
    expect((await claimNextJob(ctx, { types: ['test.a'] }))?.id).toBe(first.id);
    expect((await claimNextJob(ctx, { types: ['test.a'] }))?.id).toBe(second.id);
    expect(await claimNextJob(ctx, { types: ['test.a'] })).toBeUndefined();
    clock.advance(60_000);
    expect((await claimNextJob(ctx, { types: ['test.a'] }))?.id).toBe(later.id);
    expect(await claimNextJob(ctx, { types: [] })).toBeUndefined();
  });

  it('hands a job whose lease expired to the next worker and fences the old one out', async () => {
    const { ctx, clock } = await setup();
    await enqueueJob(ctx, { type: 'test.echo' });
    const old = (await claimNextJob(ctx, { types: ['test.echo'], leaseMs: 10_000 }))!;
    clock.advance(9_999);
    expect(await claimNextJob(ctx, { types: ['test.echo'] })).toBeUndefined();
    clock.advance(2);
    const taken = (await claimNextJob(ctx, { types: ['test.echo'], leaseMs: 10_000 }))!;
    expect(taken).toMatchObject({ id: old.id, attempt: 2 });
    // The first worker wakes up: none of its writes land.
    expect(await reportJobProgress(ctx, old, 50)).toBe(false);
    expect(await completeJob(ctx, old)).toBe(false);
    expect(await failJobAttempt(ctx, old, new Error('late'))).toBe('lost');
    expect(await findJob(ctx, old.id)).toMatchObject({ status: 'running', progress: 0 });
    expect(await completeJob(ctx, taken)).toBe(true);
    expect(await findJob(ctx, old.id)).toMatchObject({ status: 'done', progress: 100 });
  });

  it('progress extends the lease', async () => {
    const { ctx, clock } = await setup();
    await enqueueJob(ctx, { type: 'test.echo' });
    const claim = (await claimNextJob(ctx, { types: ['test.echo'], leaseMs: 10_000 }))!;
    clock.advance(8_000);
    expect(await reportJobProgress(ctx, claim, 40.4, 10_000)).toBe(true);
    clock.advance(8_000);
    expect(await claimNextJob(ctx, { types: ['test.echo'] })).toBeUndefined();
    expect((await findJob(ctx, claim.id))?.progress).toBe(40);
    expect(await reportJobProgress(ctx, claim, 250, 10_000)).toBe(true);
    expect((await findJob(ctx, claim.id))?.progress).toBe(100);
  });

  it('retries a failed attempt after an exponential backoff, then fails for good', async () => {
    const { ctx, clock } = await setup();
    const job = await enqueueJob(ctx, { type: 'test.flaky', maxAttempts: 3 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const claim = (await claimNextJob(ctx, { types: ['test.flaky'] }))!;
      expect(claim.attempt).toBe(attempt);
      const outcome = await failJobAttempt(ctx, claim, new Error(`boom ${attempt}`), backoff);
      expect(outcome).toBe(attempt < 3 ? 'retry' : 'failed');
      const view = (await findJob(ctx, job.id))!;
      expect(view.lastError).toBe(`boom ${attempt}`);
      if (outcome === 'retry') {
        delays.push(view.runAt.getTime() - clock.now().getTime());
        clock.advance(view.runAt.getTime() - clock.now().getTime() - 1);
        expect(await claimNextJob(ctx, { types: ['test.flaky'] })).toBeUndefined();
        clock.advance(1);
      }
    }
    expect(delays).toEqual([1000, 2000]);
    expect(await findJob(ctx, job.id)).toMatchObject({ status: 'failed', attempts: 3 });
    clock.advance(3_600_000);
    expect(await claimNextJob(ctx, { types: ['test.flaky'] })).toBeUndefined();
  });

  it('fails a job whose worker died during its last attempt instead of running it again', async () => {
    const { ctx, clock } = await setup();
    const job = await enqueueJob(ctx, { type: 'test.crash', maxAttempts: 1 });
    await claimNextJob(ctx, { types: ['test.crash'], leaseMs: 1000 });
    clock.advance(1001);
    expect(await claimNextJob(ctx, { types: ['test.crash'] })).toBeUndefined();
    expect(await findJob(ctx, job.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'the worker stopped during the last attempt',
    });
  });

  it('keeps only the message of an error, cut to a sane length', async () => {
    const { ctx } = await setup();
    const job = await enqueueJob(ctx, { type: 'test.echo', maxAttempts: 1 });
    const claim = (await claimNextJob(ctx, { types: ['test.echo'] }))!;
    await failJobAttempt(ctx, claim, new Error('x'.repeat(5000)));
    expect((await findJob(ctx, job.id))?.lastError).toHaveLength(1000);
  });

  it.each([
    [{ type: 'Not A Type' }, 'type'],
    [{ type: 'test.echo', maxAttempts: 0 }, 'maxAttempts'],
    [{ type: 'test.echo', delayMs: -1 }, 'delayMs'],
  ])('refuses bad input %j naming the field', async (bad, field) => {
    const { ctx } = await setup();
    const err = await enqueueJob(ctx, bad).catch((e: unknown) => e);
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect((err as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(field);
  });
});
