/**
 * What a locale writes around numbers: its decimal and grouping separators and
 * the signs it uses for a currency. Read from `Intl` once per locale and cached.
 */

/** The separators a locale uses ("1,234.5" in en, "1.234,5" in de). */
export interface LocaleSeparators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, LocaleSeparators>();
const symbolCache = new Map<string, readonly string[]>();

/** A locale `Intl` accepts, or `en` when the tag is malformed or unknown. */
export function safeLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The decimal and group separators of a locale (falls back to English for a bad tag). */
export function localeSeparators(locale: string | undefined): LocaleSeparators {
  const tag = safeLocale(locale);
  let hit = separatorCache.get(tag);
  if (!hit) {
    // Formatting a sample number only to learn the separators: no money here.
    const parts = new Intl.NumberFormat(tag, { useGrouping: true }).formatToParts(12345.5);
    hit = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorCache.set(tag, hit);
  }
  return hit;
}

/**
 * Every way a locale (and English) writes a currency's sign: the code, the
 * symbol and the narrow symbol ("MXN", "MX$", "$"). NFKC-normalised, longest
 * first, so a parser can strip the most specific one.
 */
export function currencySigns(currency: string, locale: string | undefined): readonly string[] {
  const tag = safeLocale(locale);
  const key = `${tag}|${currency}`;
  let hit = symbolCache.get(key);
  if (!hit) {
    const signs = new Set<string>([currency]);
    for (const l of new Set([tag, 'en'])) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
        const part = new Intl.NumberFormat(l, { style: 'currency', currency, currencyDisplay })
          .formatToParts(0)
          .find((p) => p.type === 'currency');
        if (part) signs.add(part.value.normalize('NFKC').trim());
      }
    }
    hit = [...signs].filter((s) => s !== '').sort((a, b) => b.length - a.length);
    symbolCache.set(key, hit);
  }
  return hit;
}
