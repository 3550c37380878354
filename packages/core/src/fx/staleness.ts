const HOUR = 3_600_000;

/**
 * When a rate stops being trusted. `flagAfterMs`: prices converted with it are
 * marked stale (the admin and the price note say so). `refuseAfterMs`: it is not
 * used at all (that currency then shows only fixed prices, or is not offered).
 */
export interface FxStalenessPolicy {
  flagAfterMs: number;
  refuseAfterMs: number;
}

/**
 * Defaults: flag after 5 days, refuse after 14. The ECB publishes on TARGET
 * business days only; the longest normal gap (Easter: Thursday to Tuesday) is 5
 * days, so a daily import never looks stale. Two weeks without a rate means the
 * import is broken, and currencies can move several percent in that time.
 */
export const DEFAULT_FX_STALENESS: FxStalenessPolicy = {
  flagAfterMs: 120 * HOUR,
  refuseAfterMs: 336 * HOUR,
};

/** How usable a rate is at `now`. */
export type RateFreshness = 'fresh' | 'stale' | 'too_old';

/**
 * Classifies a rate by its age.
 *
 * @example
 * rateFreshness(new Date('2026-11-24'), new Date('2026-11-25T10:00Z')); // 'fresh'
 */
export function rateFreshness(
  asOf: Date,
  now: Date,
  policy: FxStalenessPolicy = DEFAULT_FX_STALENESS,
): RateFreshness {
  const age = now.getTime() - asOf.getTime();
  if (age > policy.refuseAfterMs) return 'too_old';
  if (age > policy.flagAfterMs) return 'stale';
  return 'fresh';
}
