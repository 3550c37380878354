import { describe, expect, it } from 'vitest';
import { addBusinessDays, deliveryWindow, shipByDate } from './business-days.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('business days', () => {
  it.each([
    ['2026-11-25T10:00:00Z', 0, '2026-11-25'], // Wednesday
    ['2026-11-25T10:00:00Z', 2, '2026-11-27'],
    ['2026-11-27T15:00:00Z', 1, '2026-11-30'], // Friday + 1 → Monday
    ['2026-11-28T09:00:00Z', 0, '2026-11-30'], // Saturday → Monday
    ['2026-11-29T09:00:00Z', 5, '2026-12-07'], // Sunday + 5
  ])('%s + %i business days = %s', (start, n, expected) => {
    expect(addBusinessDays(new Date(start), n)).toEqual(day(expected));
  });

  it('ship-by is the longest processing time of the lines, at least one handling day', () => {
    const placed = new Date('2026-11-25T10:00:00Z');
    expect(shipByDate(placed, [{ processingDaysMax: 0, madeToOrder: false }])).toEqual(
      day('2026-11-26'),
    );
    expect(
      shipByDate(placed, [
        { processingDaysMax: 0, madeToOrder: false },
        { processingDaysMax: 10, madeToOrder: true },
      ]),
    ).toEqual(day('2026-12-09'));
  });

  it('the delivery window counts transit days from the ship-by date', () => {
    expect(deliveryWindow(day('2026-12-09'), { deliveryDaysMin: 6, deliveryDaysMax: 12 })).toEqual({
      earliest: day('2026-12-17'),
      latest: day('2026-12-25'),
    });
  });

  it('agrees with counting one day at a time, from every weekday, for up to 60 days', () => {
    const oneByOne = (start: Date, days: number) => {
      let d = new Date(Math.floor(start.getTime() / 86_400_000) * 86_400_000);
      const weekend = (x: Date) => x.getUTCDay() === 0 || x.getUTCDay() === 6;
      while (weekend(d)) d = new Date(d.getTime() + 86_400_000);
      for (let left = days; left > 0; ) {
        d = new Date(d.getTime() + 86_400_000);
        if (!weekend(d)) left--;
      }
      return d;
    };
    // Two weeks of start days (each weekday twice, one before 1970), any time of day.
    for (const base of ['2026-11-23T00:00:00Z', '1969-12-22T13:30:00Z']) {
      for (let offset = 0; offset < 14; offset++) {
        const start = new Date(new Date(base).getTime() + offset * 86_400_000 + 7 * 3_600_000);
        for (let days = 0; days <= 60; days++) {
          expect(addBusinessDays(start, days)).toEqual(oneByOne(start, days));
        }
      }
    }
  });

  it('refuses negative or fractional days', () => {
    expect(() => addBusinessDays(new Date(), -1)).toThrow();
    expect(() => addBusinessDays(new Date(), 1.5)).toThrow();
  });
});
