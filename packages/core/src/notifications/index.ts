/** Public API of notifications/ (re-exported by the package entry). */
export {
  type DeliverOutboxOptions,
  type DeliverOutboxResult,
  deliverOutbox,
  type OutboxRenderer,
  type SmsRenderer,
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
export { defaultOutboxRenderers, defaultSmsRenderers } from './outbox-renderers.js';
export { authSmsRenderers, passwordResetSmsRenderer } from './password-reset-sms.js';
export { fitSms, type SmsSize, smsSize } from './sms-segments.js';
export {
  isPermanentSmsError,
  type OutgoingSms,
  SmsSendError,
  type SmsSender,
  type TwilioSmsOptions,
  twilioSmsSender,
} from './sms-sender.js';
