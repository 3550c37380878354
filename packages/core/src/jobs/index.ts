/** Public API of jobs/ (re-exported by the package entry): a small leased job queue. */
export { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff.js';
export { enqueueJob } from './enqueue-job.js';
export { findJob, findShopJob, listShopJobs } from './find-jobs.js';
export {
  type AttemptOutcome,
  type ClaimedJob,
  claimNextJob,
  completeJob,
  DEFAULT_LEASE_MS,
  failJobAttempt,
  reportJobProgress,
} from './job-lease.js';
export { EnqueueJobInput, type JobStatus, JobType, type JobView } from './job-schemas.js';
export { type JobWorker, type JobWorkerOptions, startJobWorker } from './job-worker.js';
export {
  type JobHandler,
  type JobHandlers,
  type JobRunTools,
  type RunJobsOptions,
  type RunJobsSummary,
  runJobs,
} from './run-jobs.js';
