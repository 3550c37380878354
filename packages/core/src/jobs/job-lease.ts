import { and, asc, eq, inArray, lt, lte, or } from 'drizzle-orm';
import { jobs } from '../schema/platform.js';
import type { PlatformContext } from '../tenancy/context.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff.js';

/** Five minutes: long enough for an AVIF set; a handler extends it on every progress report. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * A job a worker holds under a lease. `attempt` doubles as the fencing token:
 * every later write checks it, so a worker whose lease expired and was taken
 * over cannot overwrite the new holder's progress or outcome.
 */
export interface ClaimedJob {
  id: string;
  type: string;
  shopId: string | null;
  payload: Record<string, unknown>;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

const MAX_ERROR_LENGTH = 1000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** Rows this claim may write: still running, and still under *this* attempt. */
function held(job: ClaimedJob) {
  return and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempt));
}

/**
 * Claims the next due job of one of `types`: a queued job whose time has come,
 * or a running one whose lease expired (its worker died). The claim counts as an
 * attempt. A job whose lease expired on its last attempt is marked failed
 * instead of being run again.
 */
export async function claimNextJob(
  ctx: PlatformContext,
  opts: { types: string[]; leaseMs?: number },
): Promise<ClaimedJob | undefined> {
  if (opts.types.length === 0) return undefined;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  return ctx.db.transaction(async (tx) => {
    for (;;) {
      const now = ctx.clock.now();
      const [row] = await tx
        .select()
        .from(jobs)
        .where(
          and(
            inArray(jobs.type, opts.types),
            or(
              and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
              and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
            ),
          ),
        )
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(1);
      if (!row) return undefined;
      if (row.status === 'running' && row.attempts >= row.maxAttempts) {
        await tx
          .update(jobs)
          .set({
            status: 'failed',
            lockedUntil: null,
            lastError: row.lastError ?? 'the worker stopped during the last attempt',
            updatedAt: now,
          })
          .where(eq(jobs.id, row.id));
        continue;
      }
      const attempt = row.attempts + 1;
      await tx
        .update(jobs)
        .set({
          status: 'running',
          attempts: attempt,
          lockedUntil: new Date(now.getTime() + leaseMs),
          updatedAt: now,
        })
        .where(eq(jobs.id, row.id));
      return {
        id: row.id,
        type: row.type,
        shopId: row.shopId,
        payload: row.payload,
        attempt,
        maxAttempts: row.maxAttempts,
      };
    }
  });
}

/**
 * Records progress (0–100) and extends the lease. Returns false when the lease
 * was lost (another worker took the job over): the caller should stop.
 */
export async function reportJobProgress(
  ctx: PlatformContext,
  job: ClaimedJob,
  percent: number,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const progress = Math.max(0, Math.min(100, Math.round(percent)));
  const now = ctx.clock.now();
  const rows = await ctx.db.transaction((tx) =>
    tx
      .update(jobs)
      .set({ progress, lockedUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
      .where(held(job))
      .returning({ id: jobs.id }),
  );
  return rows.length === 1;
}

/**
 * Marks a held job done (progress 100), keeping what it produced (`result`,
 * JSON: an import's report…) for the person waiting on it. Returns false when
 * the lease was lost.
 */
export async function completeJob(
  ctx: PlatformContext,
  job: ClaimedJob,
  result?: Record<string, unknown>,
): Promise<boolean> {
  const now = ctx.clock.now();
  const rows = await ctx.db.transaction((tx) =>
    tx
      .update(jobs)
      .set({
        status: 'done',
        progress: 100,
        lockedUntil: null,
        lastError: null,
        result: result ?? null,
        updatedAt: now,
      })
      .where(held(job))
      .returning({ id: jobs.id }),
  );
  return rows.length === 1;
}

/** What became of a failed attempt. */
export type AttemptOutcome = 'retry' | 'failed' | 'lost';

/**
 * Records a failed attempt: the job goes back to the queue after a backoff, or
 * is marked failed when it has used all its attempts — or at once when `final`
 * (an error that another attempt would only repeat). `lost` when the lease had
 * already passed to another worker (nothing written).
 */
export async function failJobAttempt(
  ctx: PlatformContext,
  job: ClaimedJob,
  error: unknown,
  backoff: BackoffPolicy = DEFAULT_BACKOFF,
  final = false,
): Promise<AttemptOutcome> {
  const now = ctx.clock.now();
  const last = final || job.attempt >= job.maxAttempts;
  const rows = await ctx.db.transaction((tx) =>
    tx
      .update(jobs)
      .set(
        last
          ? { status: 'failed', lockedUntil: null, lastError: errorText(error), updatedAt: now }
          : {
              status: 'queued',
              lockedUntil: null,
              lastError: errorText(error),
              runAt: new Date(now.getTime() + retryDelayMs(job.attempt, backoff)),
              updatedAt: now,
            },
      )
      .where(held(job))
      .returning({ id: jobs.id }),
  );
  if (rows.length === 0) return 'lost';
  return last ? 'failed' : 'retry';
}
