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

  it('refuses negative or fractional days', () => {
    expect(() => addBusinessDays(new Date(), -1)).toThrow();
    expect(() => addBusinessDays(new Date(), 1.5)).toThrow();
  });
});
