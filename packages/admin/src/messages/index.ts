import { defineCatalogues, type Locale, type Translate, translator } from '@aldea/core';
import { en, type MessageKey } from './en.js';
import { esMX } from './es-MX.js';
import { zhCN } from './zh-CN.js';

export type { MessageKey };

/** The admin's UI strings in every shipped language. */
export const adminCatalogues = defineCatalogues(en, { 'zh-CN': zhCN, 'es-MX': esMX });

const cache = new Map<Locale, Translate<MessageKey>>();

/** The admin's translate function for a locale (made once per locale). */
export function adminTranslator(locale: Locale): Translate<MessageKey> {
  let t = cache.get(locale);
  if (!t) {
    t = translator(adminCatalogues, locale);
    cache.set(locale, t);
  }
  return t;
}
