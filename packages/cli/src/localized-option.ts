import { LOCALES } from '@aldea/core';

const PREFIX = new RegExp(`^(${LOCALES.join('|')})=`);

/**
 * Turns repeatable `--name` style options into per-locale texts: `--name 白牛村`
 * is in the default locale, `--name en=Bainiu` in English.
 *
 * @example
 * localizedTexts('zh-CN', { name: ['白牛村', 'en=Bainiu'] });
 * // { 'zh-CN': { name: '白牛村' }, en: { name: 'Bainiu' } }
 */
export function localizedTexts(
  defaultLocale: string,
  fields: Record<string, string[] | undefined>,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [field, values] of Object.entries(fields)) {
    for (const value of values ?? []) {
      const match = PREFIX.exec(value);
      const locale = match ? match[1]! : defaultLocale;
      const text = match ? value.slice(match[0].length) : value;
      out[locale] = { ...out[locale], [field]: text };
    }
  }
  return out;
}
