import { z } from 'zod';
import { AldeaError } from '../errors.js';
import type { ClaimedJob } from '../jobs/job-lease.js';
import { parseInput } from '../validation.js';

/** Payload of the AVIF job. */
export const AvifJobPayload = z.object({ mediaId: z.string().startsWith('med_') });

/** Payload of the purge job: storage keys of a deleted asset. */
export const PurgeJobPayload = z.object({ keys: z.array(z.string()).max(100) });

/** The job's shop and parsed payload; a media job always belongs to a shop. */
export function mediaJobInput<S extends z.ZodType>(
  job: ClaimedJob,
  schema: S,
): { shopId: string; payload: z.output<S> } {
  if (!job.shopId) throw new AldeaError('VALIDATION', `${job.type} job ${job.id} has no shop`);
  return { shopId: job.shopId, payload: parseInput(schema, job.payload) };
}
