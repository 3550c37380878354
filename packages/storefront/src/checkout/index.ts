/** The checkout sub-app: checkout steps, the buyer's order page, and the Stripe webhook. */
export { checkoutRoutes } from './checkout-routes.js';
export { checkoutUiCatalogues } from './messages.js';
export { orderRoutes } from './order-routes.js';
export { stripeWebhookRoutes, type WebhookDeps } from './webhook-routes.js';
