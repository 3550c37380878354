const weightFormats = new Map<string, Intl.NumberFormat>();

function weightFormat(locale: string, unit: 'gram' | 'kilogram'): Intl.NumberFormat {
  const key = `${locale}:${unit}`;
  let f = weightFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 });
    weightFormats.set(key, f);
  }
  return f;
}

/** A weight in grams for people: "850 g", "2.5 kg" in the buyer's locale. */
export function formatWeight(grams: number, locale: string): string {
  return grams < 1000
    ? weightFormat(locale, 'gram').format(grams)
    : weightFormat(locale, 'kilogram').format(grams / 1000);
}

/** A weight range over variants ("2.5 kg – 6 kg"), or one weight when they agree. */
export function formatWeightRange(grams: readonly number[], locale: string): string | undefined {
  const known = grams.filter((g) => g > 0);
  if (known.length === 0) return undefined;
  const min = Math.min(...known);
  const max = Math.max(...known);
  return min === max
    ? formatWeight(min, locale)
    : `${formatWeight(min, locale)} – ${formatWeight(max, locale)}`;
}
