import type { Db } from '../db/database.js';
import { isLocale } from '../i18n/locales.js';
import { defineCatalogues, translator } from '../i18n/messages.js';
import { newId } from '../ids.js';
import type { OutboxRenderer, SmsRenderer } from '../notifications/deliver-outbox.js';
import { fitSms } from '../notifications/sms-segments.js';
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
  smsHello: 'Hello {name}.',
  smsBody: 'You are invited to open your {village} shop on Aldea: {url} or type code {code}.',
  smsExpires: 'Valid once, until {date}.',
} as const;
type Key = keyof typeof en;
const catalogues = defineCatalogues<Key>(en, {
  'zh-CN': {
    subject: '在 Aldea 为{village}开一家网店',
    hello: '{name}，您好：',
    body: '诚邀您为{village}开一家网店。请用手机打开下面的链接，设置密码并为店铺取名：',
    code: '也可以在邀请页面输入邀请码：{code}',
    expires: '邀请只能使用一次，有效期至 {date}。',
    smsHello: '{name}您好！',
    smsBody: 'Aldea邀您为{village}开网店： {url} 邀请码{code}。',
    smsExpires: '限用一次，{date}前有效。',
  },
  'es-MX': {
    subject: 'Abre tu tienda de {village} con Aldea',
    hello: 'Hola, {name}:',
    body: 'Te invitamos a abrir una tienda en línea de {village}. Abre este enlace en tu teléfono, elige una contraseña y ponle nombre a tu tienda:',
    code: 'O escribe este código en la página de invitación: {code}',
    expires: 'La invitación sirve una sola vez, hasta el {date}.',
    // SMS words avoid á í ó ú: plain GSM-7 text fits 306 characters in two parts, not 134.
    smsHello: 'Hola, {name}.',
    smsBody:
      'Te invitamos a abrir tu tienda de {village} en Aldea. Entra a {url} o usa la clave {code}.',
    smsExpires: 'Sirve una vez, vence el {date}.',
  },
});

function expiryDate(m: InvitationMessage): string {
  return new Date(m.expiresAt).toLocaleDateString(isLocale(m.locale) ? m.locale : 'en', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Renders an invitation email for the outbox worker (SMS messages go through
 * {@link invitationSmsRenderer}: this one returns `null` for them).
 * Add it to the worker's renderers: `{ [INVITATION_MESSAGE]: invitationEmailRenderer }`.
 */
export const invitationEmailRenderer: OutboxRenderer = async (_ctx, row) => {
  const m = row.payload as InvitationMessage;
  if (m.channel !== 'email') return null;
  const t = translator(catalogues, isLocale(m.locale) ? m.locale : 'en');
  const p = { name: m.name || m.to, village: m.village, code: m.code, date: expiryDate(m) };
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

/**
 * Renders an invitation as a text message in the invitee's language: the
 * village, the link and the code, plus a greeting and the expiry date when they
 * still fit in two SMS segments (they are dropped first; the link and code
 * never are). Returns `null` for email invitations. The outbox worker uses it
 * by default: `{ smsRenderers: { [INVITATION_MESSAGE]: invitationSmsRenderer } }`.
 */
export const invitationSmsRenderer: SmsRenderer = async (_ctx, row) => {
  const m = row.payload as InvitationMessage;
  if (m.channel !== 'sms') return null;
  const t = translator(catalogues, isLocale(m.locale) ? m.locale : 'en');
  const body = t('smsBody', { village: m.village, url: m.url, code: m.code });
  const hello = m.name ? `${t('smsHello', { name: m.name })} ` : '';
  const expires = ` ${t('smsExpires', { date: expiryDate(m) })}`;
  // Chinese needs no space between sentences.
  const join = (...parts: string[]) =>
    m.locale === 'zh-CN' ? parts.map((s) => s.trim()).join('') : parts.join('');
  return {
    to: m.to,
    text: fitSms([join(hello, body, expires), join(body, expires), join(hello, body), body]),
  };
};
