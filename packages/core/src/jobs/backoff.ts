/** How long a failed job waits before its next attempt. */
export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** The delay never grows past this. */
  maxMs: number;
}

/** 30 s, 1 min, 2 min, 4 min… capped at one hour. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000 };

/**
 * Exponential backoff without jitter (jobs are claimed one at a time under a
 * lease, so there is no thundering herd to spread): `baseMs × 2^(attempt−1)`,
 * capped at `maxMs`.
 *
 * @example
 * retryDelayMs(3, { baseMs: 1000, maxMs: 60_000 }); // 4000
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 40));
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}
