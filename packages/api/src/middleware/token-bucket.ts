/** A bucket's size and how fast it refills. */
export interface BucketPolicy {
  /** The most requests allowed in a burst (the bucket's size). */
  capacity: number;
  /** Requests added back per minute, continuously. */
  refillPerMinute: number;
}

/** What one `take` decided, with what the `RateLimit-*` headers report. */
export interface TakeResult {
  allowed: boolean;
  limit: number;
  /** Whole requests left after this one. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** When refused: seconds until one request is allowed (`Retry-After`). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * In-memory token buckets by key (a token id, a client address). Each bucket
 * holds up to `capacity` requests and refills continuously, so a client may
 * burst to the capacity and then go on at the refill rate. Buckets live in
 * one process: behind several app servers each holds its own (the limit is
 * then per server). At most `maxKeys` buckets are kept, least recently used
 * dropped first — a dropped bucket starts full again.
 *
 * @example
 * const buckets = new TokenBuckets({ capacity: 2, refillPerMinute: 60 });
 * buckets.take('ip:1', 0).allowed;    // true
 * buckets.take('ip:1', 0).allowed;    // true
 * buckets.take('ip:1', 0);            // { allowed: false, retryAfterSeconds: 1, … }
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly policy: BucketPolicy,
    readonly maxKeys = 10_000,
  ) {
    if (!(policy.capacity >= 1) || !(policy.refillPerMinute > 0)) {
      throw new RangeError('a bucket needs a capacity ≥ 1 and a positive refill rate');
    }
    this.#perMs = policy.refillPerMinute / 60_000;
  }

  /** Takes one request from `key`'s bucket at time `nowMs`, if there is one. */
  take(key: string, nowMs: number): TakeResult {
    const { capacity } = this.policy;
    const old = this.#buckets.get(key);
    const elapsed = old ? Math.max(0, nowMs - old.atMs) : 0;
    const tokens = old ? Math.min(capacity, old.tokens + elapsed * this.#perMs) : capacity;
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    // Re-insert so the map's order is least-recently-used first.
    this.#buckets.delete(key);
    this.#buckets.set(key, { tokens: left, atMs: nowMs });
    if (this.#buckets.size > this.maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    return {
      allowed,
      limit: capacity,
      remaining: Math.floor(left),
      resetSeconds: Math.ceil((capacity - left) / this.#perMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - left) / this.#perMs / 1000)),
    };
  }

  /** How many buckets are held (for tests of the bound). */
  get size(): number {
    return this.#buckets.size;
  }
}
