/** Public API of shipping/ (re-exported by the package entry). */
export {
  addBusinessDays,
  deliveryWindow,
  HANDLING_DAYS,
  type ProcessingLine,
  shipByDate,
} from './business-days.js';
export {
  isFreeShipping,
  type MatchedRate,
  matchRates,
  rateFitsWeight,
  zoneForCountry,
} from './match-rates.js';
export {
  ShippingRateInput,
  ShippingZoneInput,
  UpdateShippingRateInput,
  UpdateShippingZoneInput,
} from './schemas.js';
export { createShippingRate, deleteShippingRate, updateShippingRate } from './shipping-rates.js';
export {
  createShippingZone,
  deleteShippingZone,
  listShippingZones,
  updateShippingZone,
} from './shipping-zones.js';
export { dutiesNotice, loadShopOrigin, type ShopOrigin } from './shop-origin.js';
export type { ShippingRateView, ShippingZoneView } from './views.js';
