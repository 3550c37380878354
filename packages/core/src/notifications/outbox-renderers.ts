import { authEmailRenderers } from '../auth/password-reset-email.js';
import {
  INVITATION_MESSAGE,
  invitationEmailRenderer,
  invitationSmsRenderer,
} from '../onboarding/invitation-message.js';
import type { OutboxRenderer, SmsRenderer } from './deliver-outbox.js';
import { orderEmailRenderers } from './order-email-renderer.js';
import { authSmsRenderers } from './password-reset-sms.js';

/**
 * Every kind of outbox message core writes, with its renderer. The outbox
 * worker delivers these by default, so a new kind cannot be written without
 * being deliverable.
 */
export const defaultOutboxRenderers: Readonly<Record<string, OutboxRenderer>> = {
  ...orderEmailRenderers,
  ...authEmailRenderers,
  [INVITATION_MESSAGE]: invitationEmailRenderer,
};

/**
 * Every kind of outbox message core writes that can go by SMS (its payload
 * says `channel: 'sms'`), with its text renderer: the worker's default.
 */
export const defaultSmsRenderers: Readonly<Record<string, SmsRenderer>> = {
  ...authSmsRenderers,
  [INVITATION_MESSAGE]: invitationSmsRenderer,
};
