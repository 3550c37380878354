import type { ShippingRateView, ShippingZoneView } from './views.js';

/**
 * The zone that ships to `country`: the zone listing it, else the zone
 * listing `*` (rest of the world), else none. Pure.
 */
export function zoneForCountry(
  zones: readonly ShippingZoneView[],
  country: string,
): ShippingZoneView | undefined {
  return (
    zones.find((z) => z.countries.includes(country)) ?? zones.find((z) => z.countries.includes('*'))
  );
}

/** True when a parcel of `weightGrams` falls in the rate's band `[min, max)`. */
export function rateFitsWeight(rate: ShippingRateView, weightGrams: number): boolean {
  return (
    weightGrams >= rate.minWeightGrams &&
    (rate.maxWeightGrams === null || weightGrams < rate.maxWeightGrams)
  );
}

/**
 * True when the rate's free-shipping threshold is met by the order's subtotal
 * counted in the shop's base currency (the currency the seller set it in).
 */
export function isFreeShipping(rate: ShippingRateView, baseSubtotalMinor: number): boolean {
  return rate.freeOverMinor !== null && baseSubtotalMinor >= rate.freeOverMinor;
}

/** A rate a parcel can use, and whether it is free for this order. */
export interface MatchedRate {
  zone: ShippingZoneView;
  rate: ShippingRateView;
  free: boolean;
}

/**
 * The rates that can carry a parcel of `weightGrams` to `country`, with the
 * free-shipping threshold applied. Empty when the shop does not ship there or
 * no band fits the weight. Pure.
 *
 * @example
 * matchRates(zones, 'BE', 4200, 180000); // the zone listing BE, its 2–5 kg band
 */
export function matchRates(
  zones: readonly ShippingZoneView[],
  country: string,
  weightGrams: number,
  baseSubtotalMinor: number,
): MatchedRate[] {
  const zone = zoneForCountry(zones, country);
  if (!zone) return [];
  return zone.rates
    .filter((r) => rateFitsWeight(r, weightGrams))
    .map((rate) => ({ zone, rate, free: isFreeShipping(rate, baseSubtotalMinor) }));
}
