import { PASSWORD_RESET_MESSAGE, type PasswordResetMessage } from '../auth/password-reset.js';
import { isLocale } from '../i18n/locales.js';
import { defineCatalogues, translator } from '../i18n/messages.js';
import type { SmsRenderer } from './deliver-outbox.js';
import { fitSms } from './sms-segments.js';

const en = {
  body: 'Aldea: open {url} to choose a new password. It works once, for one hour.',
  ignore: 'Did not ask for it? Ignore this message.',
};
const catalogues = defineCatalogues(en, {
  'zh-CN': {
    body: 'Aldea：打开 {url} 设置新密码，仅限一次，一小时内有效。',
    ignore: '如非本人申请，请忽略本短信。',
  },
  // GSM-7 only (ñ is, á í ó ú are not): two segments hold 306 characters, not 134.
  'es-MX': {
    body: 'Aldea: abre {url} para elegir una contraseña nueva. Sirve una vez, durante una hora.',
    ignore: 'Si no lo pediste, ignora este mensaje.',
  },
});

/**
 * Renders a password-reset link for a phone-only account as a text message in
 * the person's language. A link that has already expired is not sent (`null`):
 * a text that arrives after the hour would only confuse.
 */
export const passwordResetSmsRenderer: SmsRenderer = async (ctx, row) => {
  const m = row.payload as PasswordResetMessage;
  if (m.channel !== 'sms' || !m.to) return null;
  if (new Date(m.expiresAt).getTime() <= ctx.clock.now().getTime()) return null;
  const locale = isLocale(m.locale) ? m.locale : 'en';
  const t = translator(catalogues, locale);
  const sep = locale === 'zh-CN' ? '' : ' ';
  return {
    to: m.to,
    text: fitSms([`${t('body', { url: m.url })}${sep}${t('ignore')}`, t('body', { url: m.url })]),
  };
};

/** The SMS renderers of `auth/`, by message kind. */
export const authSmsRenderers: Record<string, SmsRenderer> = {
  [PASSWORD_RESET_MESSAGE]: passwordResetSmsRenderer,
};
