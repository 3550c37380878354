import { z } from 'zod';
import type { jobs } from '../schema/platform.js';

/** A job type name: lower-case words joined by dots or hyphens (`media.avif`, `catalog.import`). */
export const JobType = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/, 'use lower-case words joined by dots or hyphens');

/** Input of {@link enqueueJob}. */
export const EnqueueJobInput = z.object({
  type: JobType,
  /** What the handler needs; stored as JSON, so keep it small (ids, not data). */
  payload: z.record(z.string(), z.unknown()).default({}),
  /** The tenant the job works for, when it has one. */
  shopId: z.string().min(1).optional(),
  /** Run no earlier than this many milliseconds from now. */
  delayMs: z
    .int()
    .min(0)
    .max(30 * 24 * 3600 * 1000)
    .default(0),
  /** Attempts before the job is marked failed for good. */
  maxAttempts: z.int().min(1).max(50).default(5),
});
export type EnqueueJobInput = z.input<typeof EnqueueJobInput>;

/** Where a job is in its life: waiting, leased by a worker, finished, or given up on. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job as operator screens and progress bars show it. */
export interface JobView {
  id: string;
  shopId: string | null;
  type: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  /** 0–100. */
  progress: number;
  attempts: number;
  maxAttempts: number;
  /** When it runs next (queued) or ran last. */
  runAt: Date;
  /** The last failure's message (never a stack trace). */
  lastError: string | null;
  /** What the finished job produced for the person waiting on it (an import's report…), else null. */
  result: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
}

type JobRow = typeof jobs.$inferSelect;

/** Builds the view of a job from its row. */
export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    shopId: row.shopId,
    type: row.type,
    payload: row.payload,
    status: row.status,
    progress: row.progress,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt,
    lastError: row.lastError,
    result: row.result ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
