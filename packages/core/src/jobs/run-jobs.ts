import type { PlatformContext } from '../tenancy/context.js';
import type { BackoffPolicy } from './backoff.js';
import {
  type ClaimedJob,
  claimNextJob,
  completeJob,
  DEFAULT_LEASE_MS,
  failJobAttempt,
  reportJobProgress,
} from './job-lease.js';

/** What a handler gets besides the job: the platform context and a progress reporter. */
export interface JobRunTools {
  ctx: PlatformContext;
  /**
   * Records progress (0–100) and extends the lease. Resolves false when the lease
   * was lost to another worker; the handler should then stop early.
   */
  progress(percent: number): Promise<boolean>;
}

/**
 * How one job type is run. Throwing from `run` fails the attempt (retried with
 * backoff); what it resolves to is kept on the done job as its `result`.
 */
export interface JobHandler {
  // biome-ignore lint/suspicious/noConfusingVoidType: handlers that return nothing stay valid.
  run(job: ClaimedJob, tools: JobRunTools): Promise<void | Record<string, unknown>>;
  /** False for an error another attempt would only repeat: the job fails at once. Default: retry. */
  retryable?(error: unknown): boolean;
  /** Called once when the job has failed for good (all attempts used). */
  onFailed?(ctx: PlatformContext, job: ClaimedJob, error: unknown): Promise<void>;
  /** Overrides the default backoff (30 s doubling, capped at one hour). */
  backoff?: BackoffPolicy;
}

/** Handlers by job type. Only the types listed here are claimed. */
export type JobHandlers = Record<string, JobHandler>;

/** Options of {@link runJobs}. */
export interface RunJobsOptions {
  handlers: JobHandlers;
  /** At most this many jobs in this call (default 10). */
  limit?: number;
  /** Lease length; each progress report extends it by the same amount. */
  leaseMs?: number;
}

/** What one {@link runJobs} call did. */
export interface RunJobsSummary {
  claimed: number;
  done: number;
  /** Failed attempts put back on the queue with a backoff. */
  retried: number;
  /** Jobs that used their last attempt. */
  failed: number;
  /** Jobs whose lease passed to another worker while they ran. */
  lost: number;
}

/**
 * Claims due jobs of the handled types one at a time and runs them until the
 * queue is empty or `limit` jobs ran. One at a time on purpose: image encoders
 * already use every core, and background work must leave room for sellers'
 * uploads. Returns what happened; handler errors never escape (they are
 * recorded on the job).
 */
export async function runJobs(ctx: PlatformContext, opts: RunJobsOptions): Promise<RunJobsSummary> {
  const summary: RunJobsSummary = { claimed: 0, done: 0, retried: 0, failed: 0, lost: 0 };
  const types = Object.keys(opts.handlers);
  const limit = opts.limit ?? 10;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  while (summary.claimed < limit) {
    const job = await claimNextJob(ctx, { types, leaseMs });
    if (!job) break;
    summary.claimed++;
    const handler = opts.handlers[job.type]!;
    const tools: JobRunTools = {
      ctx,
      progress: (percent) => reportJobProgress(ctx, job, percent, leaseMs),
    };
    let result: Record<string, unknown> | undefined;
    try {
      result = (await handler.run(job, tools)) || undefined;
    } catch (error) {
      const final = handler.retryable?.(error) === false;
      const outcome = await failJobAttempt(ctx, job, error, handler.backoff, final);
      if (outcome === 'retry') summary.retried++;
      else if (outcome === 'lost') summary.lost++;
      else {
        summary.failed++;
        await handler.onFailed?.(ctx, job, error).catch(() => {
          // The job is already marked failed; a failing clean-up hook must not
          // stop the queue. Its effect (e.g. a status flag) is only cosmetic.
        });
      }
      continue;
    }
    if (await completeJob(ctx, job, result)) summary.done++;
    else summary.lost++;
  }
  return summary;
}
