/** Public API of notifications/ (re-exported by the package entry). */
export {
  type DeliverOutboxOptions,
  type DeliverOutboxResult,
  deliverOutbox,
  type OutboxRenderer,
} from './deliver-outbox.js';
export { emailCatalogues } from './email-messages.js';
export {
  isPermanentMailError,
  type Mailer,
  type OutgoingEmail,
  type SmtpOptions,
  smtpMailer,
} from './mailer.js';
export { orderEmailRenderers } from './order-email-renderer.js';
export {
  ORDER_EMAIL_KINDS,
  type OrderEmailKind,
  type OrderEmailPayload,
  type RenderedEmail,
  renderOrderEmail,
} from './order-emails.js';
export { defaultOutboxRenderers } from './outbox-renderers.js';
