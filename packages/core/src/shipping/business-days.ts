/**
 * Business-day arithmetic for ship-by dates and delivery windows. Pure; dates
 * are UTC calendar days (the shop's working week is Monday–Friday).
 */

const DAY_MS = 86_400_000;

/** Midnight UTC of the day `d` falls on. */
export function startOfUtcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

/** Whether the UTC day numbered `day` (days since 1970-01-01, a Thursday) is a Saturday or Sunday. */
function isWeekendDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/**
 * The day `days` business days after `start` (Saturdays and Sundays skipped),
 * at midnight UTC. Zero days from a weekend moves to the next Monday.
 *
 * @example
 * addBusinessDays(new Date('2026-11-27T15:00:00Z'), 1); // Mon 2026-11-30 (Fri + 1)
 */
export function addBusinessDays(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  let day = Math.floor(start.getTime() / DAY_MS);
  while (isWeekendDay(day)) day++;
  // From a weekday, five business days are one calendar week.
  day += Math.floor(days / 5) * 7;
  let left = days % 5;
  while (left > 0) {
    day++;
    if (!isWeekendDay(day)) left--;
  }
  return new Date(day * DAY_MS);
}

/** A line's share in the ship-by date: made-to-order lines bring their processing time. */
export interface ProcessingLine {
  processingDaysMax: number;
  madeToOrder: boolean;
}

/** Business days a ready-to-ship order needs to be packed. */
export const HANDLING_DAYS = 1;

/**
 * Ship-by date: order date + the longest processing time of its lines, in
 * business days (at least {@link HANDLING_DAYS}).
 *
 * @example
 * shipByDate(new Date('2026-11-25T10:00:00Z'), [{ processingDaysMax: 10, madeToOrder: true }]);
 * // 2026-12-09 (10 business days after Wednesday 25 November)
 */
export function shipByDate(placedAt: Date, lines: readonly ProcessingLine[]): Date {
  const longest = lines.reduce((m, l) => Math.max(m, l.processingDaysMax), 0);
  return addBusinessDays(placedAt, Math.max(HANDLING_DAYS, longest));
}

/** The estimated delivery window of a rate, counted from the ship-by date in business days. */
export function deliveryWindow(
  shipBy: Date,
  rate: { deliveryDaysMin: number; deliveryDaysMax: number },
): { earliest: Date; latest: Date } {
  return {
    earliest: addBusinessDays(shipBy, rate.deliveryDaysMin),
    latest: addBusinessDays(shipBy, rate.deliveryDaysMax),
  };
}
