import { isLocale } from '../i18n/locales.js';
import { defineCatalogues, translator } from '../i18n/messages.js';
import type { OutboxRenderer } from '../notifications/deliver-outbox.js';
import { PASSWORD_RESET_MESSAGE, type PasswordResetMessage } from './password-reset.js';

const en = {
  subject: 'Choose a new password for Aldea',
  hello: 'Hello {name},',
  body: 'Someone (we hope you) asked to reset your Aldea password. Open this link to choose a new one. It works once, for one hour:',
  ignore: 'If you did not ask for this, ignore this message: your password stays as it is.',
};
const catalogues = defineCatalogues(en, {
  'zh-CN': {
    subject: '设置新的 Aldea 密码',
    hello: '{name}，您好：',
    body: '有人（希望是您本人）申请重设您的 Aldea 密码。请打开下面的链接设置新密码。链接只能使用一次，一小时内有效：',
    ignore: '如果不是您本人申请，请忽略这封邮件，您的密码不会改变。',
  },
  'es-MX': {
    subject: 'Elige una contraseña nueva para Aldea',
    hello: 'Hola, {name}:',
    body: 'Alguien (esperamos que tú) pidió cambiar tu contraseña de Aldea. Abre este enlace para elegir una nueva. Sirve una sola vez, durante una hora:',
    ignore: 'Si no lo pediste, ignora este mensaje: tu contraseña no cambia.',
  },
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Renders a password-reset outbox message as an email in the person's
 * language. Give it to the outbox worker with the other renderers:
 * `deliverOutbox(ctx, { renderers: { ...orderEmailRenderers, ...authEmailRenderers } })`.
 * A phone-only account (`channel: 'sms'`) has no email: the renderer returns
 * `null` and the worker leaves it to an SMS sender.
 */
export const passwordResetEmailRenderer: OutboxRenderer = async (_ctx, row) => {
  const m = row.payload as PasswordResetMessage;
  if (m.channel !== 'email' || !m.to) return null;
  const t = translator(catalogues, isLocale(m.locale) ? m.locale : 'en');
  const lines = [t('hello', { name: m.name }), t('body'), m.url, t('ignore')];
  return {
    to: [m.to],
    subject: t('subject'),
    text: lines.join('\n\n'),
    html: lines
      .map((l) =>
        l === m.url
          ? `<p><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></p>`
          : `<p>${escapeHtml(l)}</p>`,
      )
      .join('\n'),
  };
};

/** The outbox renderers of `auth/`, by message kind. */
export const authEmailRenderers: Record<string, OutboxRenderer> = {
  [PASSWORD_RESET_MESSAGE]: passwordResetEmailRenderer,
};
