import { authEmailRenderers } from '../auth/password-reset-email.js';
import { INVITATION_MESSAGE, invitationEmailRenderer } from '../onboarding/invitation-message.js';
import type { OutboxRenderer } from './deliver-outbox.js';
import { orderEmailRenderers } from './order-email-renderer.js';

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
