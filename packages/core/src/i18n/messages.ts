import { LOCALES, type Locale } from './locales.js';

/** One language's UI strings: key → template with `{name}` placeholders. */
export type Messages<K extends string = string> = Readonly<Record<K, string>>;

/** Every shipped locale's strings for the same set of keys. */
export type Catalogues<K extends string> = Readonly<Record<Locale, Messages<K>>>;

/** Looks up and fills a UI string. `t.plural` picks `key.one` / `key.other` … by count. */
export interface Translate<K extends string> {
  (key: K, params?: Readonly<Record<string, string | number>>): string;
  plural(key: string, count: number, params?: Readonly<Record<string, string | number>>): string;
  readonly locale: Locale;
}

/**
 * Builds catalogues from the English source and its translations. The types
 * make a missing key a compile error; {@link missingMessageKeys} checks it at
 * run time too (a test in each app calls it).
 *
 * @example
 * const catalogues = defineCatalogues(en, { 'zh-CN': zh, 'es-MX': es });
 * const t = translator(catalogues, 'es-MX');
 * t('cart.title'); // 'Carrito'
 */
export function defineCatalogues<K extends string>(
  en: Messages<K>,
  others: { 'zh-CN': Messages<K>; 'es-MX': Messages<K> },
): Catalogues<K> {
  return { en, ...others };
}

function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** A translate function for one locale. Unknown keys fall back to English, then to the key. */
export function translator<K extends string>(
  catalogues: Catalogues<K>,
  locale: Locale,
): Translate<K> {
  const own = catalogues[locale] as Record<string, string | undefined>;
  const en = catalogues.en as Record<string, string | undefined>;
  const lookup = (key: string) => own[key] ?? en[key] ?? key;
  const t = ((key: K, params?: Readonly<Record<string, string | number>>) =>
    fill(lookup(key), params)) as Translate<K>;
  t.plural = (key, count, params) => {
    let rules = pluralRules.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(locale);
      pluralRules.set(locale, rules);
    }
    const category = rules.select(count);
    const template = own[`${key}.${category}`] ?? own[`${key}.other`] ?? lookup(`${key}.other`);
    return fill(template, { count, ...params });
  };
  Object.defineProperty(t, 'locale', { value: locale });
  return t;
}

/** Keys present in English but missing (or empty) in another locale, and keys only a translation has. */
export function missingMessageKeys<K extends string>(
  catalogues: Catalogues<K>,
): { locale: Locale; key: string; problem: 'missing' | 'extra' }[] {
  const problems: { locale: Locale; key: string; problem: 'missing' | 'extra' }[] = [];
  const source = Object.keys(catalogues.en);
  for (const locale of LOCALES) {
    if (locale === 'en') continue;
    const messages = catalogues[locale] as Record<string, string | undefined>;
    for (const key of source)
      if (!messages[key]) problems.push({ locale, key, problem: 'missing' });
    for (const key of Object.keys(messages)) {
      if (!(key in catalogues.en)) problems.push({ locale, key, problem: 'extra' });
    }
  }
  return problems;
}
