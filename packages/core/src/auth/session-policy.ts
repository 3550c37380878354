/** How long sessions last and how often their activity is written. */
export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
  /** `last_seen_at` is written at most this often (not on every request). */
  touchEveryMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Defaults for sellers on shared phones with flaky networks: a week of
 * inactivity or 30 days in total ends a session.
 */
export const SESSION_POLICY: SessionPolicy = {
  idleMs: 7 * DAY,
  absoluteMs: 30 * DAY,
  touchEveryMs: 5 * MINUTE,
};

/** Limits on failed sign-ins, counted per account typed and per client address. */
export interface LoginThrottlePolicy {
  windowMs: number;
  maxPerAccount: number;
  maxPerAddress: number;
}

/**
 * 10 failures in 15 minutes per account and per address (the numbers).
 * A training room behind one NAT address shares the address budget: operators
 * running workshops may raise `maxPerAddress`.
 */
export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  windowMs: 15 * MINUTE,
  maxPerAccount: 10,
  maxPerAddress: 10,
};

/** A password-reset link works for one hour, once. */
export const RESET_TOKEN_TTL_MS = 60 * MINUTE;

/** At most this many reset links per account per hour (more requests are silently dropped). */
export const MAX_RESETS_PER_HOUR = 3;
