import type { Db } from '../db/database.js';
import { isLocale } from '../i18n/locales.js';
import { defineCatalogues, translator } from '../i18n/messages.js';
import { newId } from '../ids.js';
import type { OutboxRenderer } from '../notifications/deliver-outbox.js';
import { outbox } from '../schema/platform.js';

/** The outbox kind an invitation goes out as; its payload is {@link InvitationMessage}. */
export const INVITATION_MESSAGE = 'onboarding.invitation';

/** What the outbox worker needs to send an invitation by email or SMS. */
export interface InvitationMessage {
  [key: string]: unknown;
  invitationId: string;
  channel: 'email' | 'sms';
  to: string;
  name: string;
  village: string;
  locale: string;
  url: string;
  code: string;
  expiresAt: string;
}

/**
 * Writes the invitation message to the outbox inside the caller's transaction.
 * The dedupe key names the secret, so a resend (new secret) is a new message
 * and a replayed write of the same one is not.
 */
export async function enqueueInvitationMessage(
  tx: Db,
  now: Date,
  tokenHash: string,
  message: InvitationMessage,
): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      id: newId('outbox', now.getTime()),
      shopId: null,
      kind: INVITATION_MESSAGE,
      dedupeKey: `invitation:${message.invitationId}:${tokenHash.slice(0, 16)}`,
      payload: message,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

const en = {
  subject: 'Open your shop in {village} with Aldea',
  hello: 'Hello {name},',
  body: 'You are invited to open an online shop for {village}. Open this link on your phone, choose a password and name your shop:',
  code: 'Or type this code at the invitation page: {code}',
  expires: 'The invitation works once, until {date}.',
} as const;
type Key = keyof typeof en;
const catalogues = defineCatalogues<Key>(en, {
  'zh-CN': {
    subject: '在 Aldea 为{village}开一家网店',
    hello: '{name}，您好：',
    body: '诚邀您为{village}开一家网店。请用手机打开下面的链接，设置密码并为店铺取名：',
    code: '也可以在邀请页面输入邀请码：{code}',
    expires: '邀请只能使用一次，有效期至 {date}。',
  },
  'es-MX': {
    subject: 'Abre tu tienda de {village} con Aldea',
    hello: 'Hola, {name}:',
    body: 'Te invitamos a abrir una tienda en línea de {village}. Abre este enlace en tu teléfono, elige una contraseña y ponle nombre a tu tienda:',
    code: 'O escribe este código en la página de invitación: {code}',
    expires: 'La invitación sirve una sola vez, hasta el {date}.',
  },
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Renders an invitation email for the outbox worker (SMS messages are left to
 * an SMS renderer: this one returns `null` for them, so the worker skips them).
 * Add it to the worker's renderers: `{ [INVITATION_MESSAGE]: invitationEmailRenderer }`.
 */
export const invitationEmailRenderer: OutboxRenderer = async (_ctx, row) => {
  const m = row.payload as InvitationMessage;
  if (m.channel !== 'email') return null;
  const t = translator(catalogues, isLocale(m.locale) ? m.locale : 'en');
  const date = new Date(m.expiresAt).toLocaleDateString(isLocale(m.locale) ? m.locale : 'en', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const p = { name: m.name || m.to, village: m.village, code: m.code, date };
  const lines = [t('hello', p), '', t('body', p), m.url, '', t('code', p), t('expires', p)];
  const html = [
    `<p>${escapeHtml(t('hello', p))}</p>`,
    `<p>${escapeHtml(t('body', p))}</p>`,
    `<p><a href="${escapeHtml(m.url)}">${escapeHtml(m.url)}</a></p>`,
    `<p>${escapeHtml(t('code', p))}</p>`,
    `<p>${escapeHtml(t('expires', p))}</p>`,
  ].join('\n');
  return { to: [m.to], subject: t('subject', p), text: lines.join('\n'), html };
};
