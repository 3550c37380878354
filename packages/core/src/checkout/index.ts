/** Public API of checkout/ (re-exported by the package entry). */
export { type ContactAddress, ContactAddressInput, parseContactAddress } from './address.js';
export type { CheckoutStep, CheckoutView } from './checkout-view.js';
export { COUNTRY_CODES, countryName, isCountryCode, listCountries } from './countries.js';
export { type CheckoutMessageKey, checkoutCatalogues, checkoutText } from './messages.js';
export {
  choosePaymentMethod,
  listPaymentOptions,
  type PaymentChoices,
  type PaymentOption,
} from './payment-options.js';
export { type PlacedOrder, type PlaceOrderResult, placeOrder } from './place-order.js';
export {
  type CheckoutReview,
  REVIEW_QUOTE_MINUTES,
  type ReviewLine,
  type ReviewResult,
  reviewCheckout,
} from './review-checkout.js';
export { CheckoutLineInput, PlaceOrderInput, StartCheckoutInput } from './schemas.js';
export { setCheckoutContact } from './set-contact.js';
export {
  type CheckoutPricer,
  chooseShippingRate,
  listShippingOptions,
  type ShippingChoices,
  type ShippingOption,
} from './shipping-options.js';
export { getCheckout, startCheckout, syncCheckout } from './start-checkout.js';
export {
  computeTotals,
  type OrderTotals,
  type TotalsInput,
  type TotalsLine,
  taxOn,
} from './totals.js';
