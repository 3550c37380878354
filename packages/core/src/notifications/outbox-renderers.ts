import { authEmailRenderers } from '../auth/password-reset-email.js';
import type { OutboxRenderer } from './deliver-outbox.js';
import { orderEmailRenderers } from './order-email-renderer.js';

/**
 * Every kind of outbox message core writes, with its renderer. The outbox
 * worker delivers these by default, so a new kind cannot be written without
 * being deliverable (the test beside this file checks the kinds are known).
 */
export const defaultOutboxRenderers: Readonly<Record<string, OutboxRenderer>> = {
  ...orderEmailRenderers,
  ...authEmailRenderers,
};
