import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { platformContext } from '../tenancy/context.js';
import { enqueueJob } from './enqueue-job.js';
import { findJob } from './find-jobs.js';
import type { ClaimedJob } from './job-lease.js';
import { type JobHandler, runJobs } from './run-jobs.js';

async function setup() {
  const db = await makeTestDb();
  const clock = fixedClock();
  return { ctx: platformContext(db, { clock }), clock };
}

describe('runJobs', () => {
  it('runs due jobs of the handled types, records progress, and marks them done', async () => {
    const { ctx, clock } = await setup();
    const seen: number[] = [];
    const progressSeen: number[] = [];
    const a = await enqueueJob(ctx, { type: 'test.count', payload: { n: 1 } });
    clock.advance(1);
    const b = await enqueueJob(ctx, { type: 'test.count', payload: { n: 2 } });
    const other = await enqueueJob(ctx, { type: 'test.unhandled' });
    const handler: JobHandler = {
      async run(job, { progress, ctx: c }) {
        seen.push(job.payload.n as number);
        expect(await progress(50)).toBe(true);
        progressSeen.push((await findJob(c, job.id))!.progress);
      },
    };
    const summary = await runJobs(ctx, { handlers: { 'test.count': handler } });
    expect(summary).toEqual({ claimed: 2, done: 2, retried: 0, failed: 0, lost: 0 });
    expect(seen).toEqual([1, 2]);
    expect(progressSeen).toEqual([50, 50]);
    for (const id of [a.id, b.id]) {
      expect(await findJob(ctx, id)).toMatchObject({ status: 'done', progress: 100, attempts: 1 });
    }
    expect((await findJob(ctx, other.id))?.status).toBe('queued');
  });

  it('stops after `limit` jobs', async () => {
    const { ctx } = await setup();
    for (let i = 0; i < 3; i++) await enqueueJob(ctx, { type: 'test.noop' });
    const handlers = { 'test.noop': { run: async () => {} } };
    expect((await runJobs(ctx, { handlers, limit: 2 })).done).toBe(2);
    expect((await runJobs(ctx, { handlers, limit: 2 })).done).toBe(1);
    expect((await runJobs(ctx, { handlers })).claimed).toBe(0);
  });

  it('retries a throwing handler with backoff until it succeeds', async () => {
    const { ctx, clock } = await setup();
    const job = await enqueueJob(ctx, { type: 'test.flaky' });
    let calls = 0;
    const handlers = {
      'test.flaky': {
        backoff: { baseMs: 1000, maxMs: 1000 },
        async run() {
          calls++;
          if (calls < 3) throw new Error(`transient ${calls}`);
        },
      },
    };
    expect(await runJobs(ctx, { handlers })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await findJob(ctx, job.id)).toMatchObject({
      status: 'queued',
      lastError: 'transient 1',
    });
    // Not due yet: nothing runs until the backoff has passed.
    expect((await runJobs(ctx, { handlers })).claimed).toBe(0);
    clock.advance(1000);
    expect(await runJobs(ctx, { handlers })).toMatchObject({ retried: 1 });
    clock.advance(1000);
    expect(await runJobs(ctx, { handlers })).toMatchObject({ done: 1 });
    expect(await findJob(ctx, job.id)).toMatchObject({
      status: 'done',
      attempts: 3,
      lastError: null,
    });
  });

  it('fails a job after its last attempt and calls onFailed once', async () => {
    const { ctx, clock } = await setup();
    const job = await enqueueJob(ctx, { type: 'test.broken', maxAttempts: 2 });
    const failedWith: [ClaimedJob, unknown][] = [];
    const handlers = {
      'test.broken': {
        backoff: { baseMs: 10, maxMs: 10 },
        async run() {
          throw new Error('always');
        },
        async onFailed(_ctx: unknown, j: ClaimedJob, error: unknown) {
          failedWith.push([j, error]);
          throw new Error('a failing hook does not stop the queue');
        },
      },
    };
    await runJobs(ctx, { handlers });
    clock.advance(10);
    expect(await runJobs(ctx, { handlers })).toMatchObject({ claimed: 1, failed: 1 });
    expect(failedWith).toHaveLength(1);
    expect(failedWith[0]![0]).toMatchObject({ id: job.id, attempt: 2 });
    expect(await findJob(ctx, job.id)).toMatchObject({ status: 'failed', lastError: 'always' });
  });

  it('counts a job as lost when its lease passed to another worker while it ran', async () => {
    const { ctx, clock } = await setup();
    const job = await enqueueJob(ctx, { type: 'test.slow' });
    const handlers = {
      'test.slow': {
        async run(_job: ClaimedJob, tools: { progress(p: number): Promise<boolean> }) {
          clock.advance(2000);
          // Another worker claims the expired job meanwhile.
          await runJobs(ctx, { handlers: { 'test.slow': { run: async () => {} } } });
          expect(await tools.progress(90)).toBe(false);
        },
      },
    };
    const summary = await runJobs(ctx, { handlers, leaseMs: 1000 });
    expect(summary).toMatchObject({ claimed: 1, done: 0, lost: 1 });
    expect(await findJob(ctx, job.id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('keeps what a handler returns as the result of the done job (null when it returns nothing)', async () => {
    const { ctx } = await setup();
    const kept = await enqueueJob(ctx, { type: 'test.result', payload: { n: 2 } });
    const none = await enqueueJob(ctx, { type: 'test.none' });
    await runJobs(ctx, {
      handlers: {
        'test.result': { run: async (job) => ({ doubled: (job.payload.n as number) * 2 }) },
        'test.none': { run: async () => {} },
      },
    });
    expect(await findJob(ctx, kept.id)).toMatchObject({ status: 'done', result: { doubled: 4 } });
    expect(await findJob(ctx, none.id)).toMatchObject({ status: 'done', result: null });
  });

  it('fails a job at once when its handler says the error is not worth retrying', async () => {
    const { ctx } = await setup();
    const failedWith: string[] = [];
    const bad = await enqueueJob(ctx, { type: 'test.refused', maxAttempts: 5 });
    const summary = await runJobs(ctx, {
      handlers: {
        'test.refused': {
          run: async () => {
            throw new Error('refused');
          },
          retryable: (error) => (error as Error).message !== 'refused',
          onFailed: async (_c, job) => {
            failedWith.push(job.id);
          },
        },
      },
    });
    expect(summary).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    expect(failedWith).toEqual([bad.id]);
    expect(await findJob(ctx, bad.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'refused',
      result: null,
    });
  });
});
