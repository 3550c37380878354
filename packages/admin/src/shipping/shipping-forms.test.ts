import { describe, expect, it } from 'vitest';
import { percentToBps, readRateForm, readZoneForm, splitCountries } from './shipping-forms.js';

describe('shipping forms', () => {
  it.each([
    ['mx', ['MX']],
    ['US, ca ;*', ['US', 'CA', '*']],
    ['US，CA、JP', ['US', 'CA', 'JP']],
    ['  ', []],
  ])('splits countries %j', (typed, expected) => {
    expect(splitCountries(typed)).toEqual(expected);
  });

  it.each([
    ['16', 1600],
    ['7.5', 750],
    ['7,25', 725],
    ['０', 0],
    ['100', 10_000],
    ['100.01', undefined],
    ['-1', undefined],
    ['16 %', undefined],
    ['1.234', undefined],
  ])('reads the percentage %j as %j basis points', (typed, bps) => {
    expect(percentToBps(typed)).toBe(bps);
  });

  it('names every bad zone field with a message key', () => {
    const r = readZoneForm({ name: '', countries: 'Mexico', taxRate: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.path, i.message])).toEqual([
        ['name', 'field.required'],
        ['countries', 'shipping.countriesInvalid'],
        ['taxRate', 'shipping.percent'],
      ]);
    }
  });

  it('reads a rate in the shop currency and merges the name into the other languages', () => {
    const r = readRateForm(
      {
        name: 'Estafeta',
        minWeightGrams: '',
        maxWeightGrams: '5000',
        price: '150.50',
        freeOver: '',
        deliveryDaysMin: '2',
        deliveryDaysMax: '5',
      },
      { currency: 'MXN', locale: 'es-MX', nameLocale: 'es-MX', names: { en: 'Estafeta courier' } },
    );
    expect(r).toEqual({
      ok: true,
      data: {
        name: { en: 'Estafeta courier', 'es-MX': 'Estafeta' },
        minWeightGrams: 0,
        maxWeightGrams: 5000,
        amountMinor: 15050,
        freeOverMinor: null,
        deliveryDaysMin: 2,
        deliveryDaysMax: 5,
      },
    });
    const bad = readRateForm(
      { name: 'x', price: '1.5', deliveryDaysMin: '-1', deliveryDaysMax: '' },
      { currency: 'JPY', locale: 'en', nameLocale: 'en' },
    );
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual([
      'price',
      'deliveryDaysMin',
      'deliveryDaysMax',
    ]);
  });
});
