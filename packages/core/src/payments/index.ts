/** Public API of payments/ (re-exported by the package entry). */
export type { CheckoutOutcome } from './apply-checkout-state.js';
export { handleStripeWebhook, type WebhookResult } from './handle-stripe-webhook.js';
export { manualProvider } from './manual-provider.js';
export {
  DEFAULT_PAYMENT_SETTINGS,
  getPaymentSettings,
  MANUAL_METHODS,
  type ManualMethod,
  type PaymentSettings,
  PaymentSettingsInput,
  setPaymentSettings,
} from './payment-settings.js';
export type {
  CardPaymentProvider,
  CheckoutState,
  PaymentEvent,
  PaymentGateway,
  PaymentProvider,
  ProviderRefundInput,
  ProviderRefundResult,
  StartedPayment,
  StartPaymentInput,
} from './provider.js';
export { type ReconcileResult, reconcilePayments } from './reconcile-payments.js';
export {
  type PaymentLinks,
  type PaymentNext,
  startOrderPayment,
} from './start-order-payment.js';
export {
  createStripeProvider,
  type StripeProviderConfig,
  translateStripeEvent,
} from './stripe-provider.js';
export { uploadPaymentReceipt } from './upload-receipt.js';
