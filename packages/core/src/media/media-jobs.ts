import { type JobHandlers, type RunJobsSummary, runJobs } from '../jobs/run-jobs.js';
import type { PlatformContext } from '../tenancy/context.js';
import { AVIF_JOB, avifJobHandler } from './avif-job.js';
import { PURGE_JOB, purgeJobHandler } from './purge-job.js';
import type { MediaStorage } from './storage.js';

/** The media job handlers (AVIF encoding, file purge), to merge into a worker's registry. */
export function mediaJobHandlers(storage: MediaStorage): JobHandlers {
  return { [AVIF_JOB]: avifJobHandler(storage), [PURGE_JOB]: purgeJobHandler(storage) };
}

/**
 * Runs due media jobs (AVIF encoding, file purges) for every shop, up to
 * `limit` (default 10). A platform-level worker function.
 */
export function runMediaJobs(
  ctx: PlatformContext,
  opts: { storage: MediaStorage; limit?: number },
): Promise<RunJobsSummary> {
  return runJobs(ctx, { handlers: mediaJobHandlers(opts.storage), limit: opts.limit });
}
