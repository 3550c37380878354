import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../test/support/test-db.js';
import { platformContext } from '../tenancy/context.js';
import { enqueueJob } from './enqueue-job.js';
import { findJob } from './find-jobs.js';
import { startJobWorker } from './job-worker.js';

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('startJobWorker', () => {
  it('runs queued jobs, wakes on demand from its idle wait, and stops cleanly', async () => {
    const ctx = platformContext(await makeTestDb());
    const ran: string[] = [];
    let next = deferred<string>();
    const first = await enqueueJob(ctx, { type: 'test.work' });
    const worker = startJobWorker(ctx, {
      idleMs: 3_600_000, // only wake() can end the idle wait within the test
      handlers: {
        'test.work': {
          async run(job) {
            ran.push(job.id);
            next.resolve(job.id);
          },
        },
      },
    });
    expect(await next.promise).toBe(first.id);
    next = deferred<string>();
    const second = await enqueueJob(ctx, { type: 'test.work' });
    worker.wake();
    expect(await next.promise).toBe(second.id);
    await worker.stop();
    expect(ran).toEqual([first.id, second.id]);
    expect((await findJob(ctx, second.id))?.status).toBe('done');
  });

  it('reports queue errors and keeps going', async () => {
    const db = await makeTestDb();
    const ctx = platformContext(db);
    const errors: unknown[] = [];
    const reported = deferred();
    const broken = {
      ...ctx,
      db: {
        ...db,
        transaction: () => Promise.reject(new Error('database unavailable')),
      },
    };
    const worker = startJobWorker(broken, {
      idleMs: 3_600_000,
      handlers: { 'test.work': { run: async () => {} } },
      onError(e) {
        errors.push(e);
        reported.resolve();
      },
    });
    await reported.promise;
    await worker.stop();
    expect((errors[0] as Error).message).toBe('database unavailable');
  });
});
