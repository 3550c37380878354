/** The UI languages Aldea ships message catalogues for. */
export const LOCALES = ['en', 'zh-CN', 'es-MX'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** True when `value` is a locale we ship. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a loose tag (`es`, `zh`, `zh-Hans-CN`, `es-419`) to the closest shipped locale,
 * or `undefined` when the language is not one of ours.
 *
 * @example
 * matchLocale('es-AR'); // 'es-MX'
 */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === '') return undefined;
  const exact = LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'es') return 'es-MX';
  if (language === 'en') return 'en';
  return undefined;
}

/**
 * The order in which to look for a seller-written text: the requested locale,
 * then the shop's default, then whatever exists.
 */
export function localeFallbackChain(requested: string, shopDefault: string): string[] {
  return requested === shopDefault ? [requested] : [requested, shopDefault];
}

/**
 * Picks the best text from a per-locale map following the fallback chain, and
 * says which locale it came from (so a page can say "shown in Chinese").
 */
export function pickLocalized<T>(
  byLocale: ReadonlyMap<string, T> | Partial<Record<string, T>>,
  requested: string,
  shopDefault: string,
): { value: T; locale: string } | undefined {
  const get = (l: string): T | undefined =>
    byLocale instanceof Map ? byLocale.get(l) : (byLocale as Partial<Record<string, T>>)[l];
  for (const l of localeFallbackChain(requested, shopDefault)) {
    const v = get(l);
    if (v !== undefined && v !== '') return { value: v, locale: l };
  }
  const entries = byLocale instanceof Map ? [...byLocale.entries()] : Object.entries(byLocale);
  for (const [l, v] of entries) {
    if (v !== undefined && v !== '') return { value: v as T, locale: l };
  }
  return undefined;
}
