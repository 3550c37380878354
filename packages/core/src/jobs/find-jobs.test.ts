import { describe, expect, it } from 'vitest';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { enqueueJob } from './enqueue-job.js';
import { findJob, findShopJob, listShopJobs } from './find-jobs.js';

describe('finding jobs', () => {
  it('shop B cannot see shop A’s jobs; the operator view sees both', async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const b = await makeShop(db);
    const jobA = await enqueueJob(a, { type: 'media.avif', shopId: a.shop.id });
    const jobB = await enqueueJob(b, { type: 'catalog.import', shopId: b.shop.id });
    expect((await findShopJob(a, jobA.id))?.id).toBe(jobA.id);
    expect(await findShopJob(b, jobA.id)).toBeUndefined();
    expect((await listShopJobs(a)).map((j) => j.id)).toEqual([jobA.id]);
    expect((await listShopJobs(b)).map((j) => j.id)).toEqual([jobB.id]);
    expect(await listShopJobs(b, { type: 'media.avif' })).toEqual([]);
    expect((await findJob(a, jobB.id))?.shopId).toBe(b.shop.id);
    expect(await findJob(a, 'job_missing')).toBeUndefined();
  });
});
