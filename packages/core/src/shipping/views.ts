import type { LocalizedText } from '../schema/columns.js';
import type { shippingRates, shippingZones } from '../schema/shipping.js';

/** A shipping rate as screens and checkout use it. Amounts in the shop's base currency. */
export interface ShippingRateView {
  id: string;
  zoneId: string;
  name: LocalizedText;
  minWeightGrams: number;
  maxWeightGrams: number | null;
  amountMinor: number;
  /** The shop's base currency. */
  currency: string;
  freeOverMinor: number | null;
  deliveryDaysMin: number;
  deliveryDaysMax: number;
  position: number;
}

/** A shipping zone with its rates, cheapest band first. */
export interface ShippingZoneView {
  id: string;
  name: string;
  countries: string[];
  position: number;
  taxRateBps: number;
  taxInclusive: boolean;
  rates: ShippingRateView[];
}

/** Maps a rate row to its view (amounts in the shop base currency `currency`). */
export function toRateView(
  r: typeof shippingRates.$inferSelect,
  currency: string,
): ShippingRateView {
  return {
    id: r.id,
    zoneId: r.zoneId,
    name: r.name,
    minWeightGrams: r.minWeightGrams,
    maxWeightGrams: r.maxWeightGrams,
    amountMinor: r.amountMinor,
    currency,
    freeOverMinor: r.freeOverMinor,
    deliveryDaysMin: r.deliveryDaysMin,
    deliveryDaysMax: r.deliveryDaysMax,
    position: r.position,
  };
}

/** Maps a zone row and the rates of all zones to the zone's view. */
export function toZoneView(
  z: typeof shippingZones.$inferSelect,
  rates: ShippingRateView[],
): ShippingZoneView {
  return {
    id: z.id,
    name: z.name,
    countries: z.countries,
    position: z.position,
    taxRateBps: z.taxRateBps,
    taxInclusive: z.taxInclusive,
    rates: rates
      .filter((r) => r.zoneId === z.id)
      .sort((a, b) => a.position - b.position || a.minWeightGrams - b.minWeightGrams),
  };
}
