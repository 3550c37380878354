import type { JobHandler } from '../jobs/run-jobs.js';
import { mediaJobInput, PurgeJobPayload } from './media-job-payload.js';
import type { MediaStorage } from './storage.js';

/** Job type that deletes a deleted asset's files from storage. */
export const PURGE_JOB = 'media.purge';

/**
 * Deletes the storage files of a deleted asset. Runs as a job (queued in the
 * same transaction that deleted the rows) so that a rolled-back delete never
 * loses files. Only keys under the job's own shop folder are touched.
 */
export function purgeJobHandler(storage: MediaStorage): JobHandler {
  return {
    async run(job, { progress }) {
      const { shopId, payload } = mediaJobInput(job, PurgeJobPayload);
      const keys = payload.keys.filter((k) => k.startsWith(`${shopId}/`));
      for (const [i, key] of keys.entries()) {
        await storage.delete(key);
        await progress((100 * (i + 1)) / keys.length);
      }
    },
  };
}
