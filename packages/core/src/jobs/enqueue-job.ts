import { newId } from '../ids.js';
import { jobs } from '../schema/platform.js';
import type { PlatformContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { EnqueueJobInput, type JobView, toJobView } from './job-schemas.js';

/**
 * Puts a job on the queue. Called inside a command's transaction it joins that
 * transaction (a savepoint), so the job exists exactly when the change that
 * asked for it commits.
 *
 * @example
 * await enqueueJob(ctx, { type: 'media.avif', shopId, payload: { mediaId } });
 */
export async function enqueueJob(ctx: PlatformContext, raw: EnqueueJobInput): Promise<JobView> {
  const input = parseInput(EnqueueJobInput, raw);
  const now = ctx.clock.now();
  const [row] = await ctx.db.transaction((tx) =>
    tx
      .insert(jobs)
      .values({
        id: newId('job', now.getTime()),
        shopId: input.shopId ?? null,
        type: input.type,
        payload: input.payload,
        maxAttempts: input.maxAttempts,
        runAt: new Date(now.getTime() + input.delayMs),
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  return toJobView(row!);
}
