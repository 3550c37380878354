/**
 * Makes a URL slug from a product title: accents dropped ("Volcánica" →
 * "volcanica"), anything but letters and digits turned into single hyphens,
 * at most 64 characters. Titles with no Latin letters or digits (山核桃) give
 * `product-<suffix>` from the product id, as we do not transliterate.
 *
 * @example
 * slugFromTitle('Molcajete de piedra volcánica', 'prod_01jd3k8w2x9m4q7rtv5bz6c8ha');
 * // 'molcajete-de-piedra-volcanica'
 * slugFromTitle('临安山核桃', 'prod_01jd3k8w2x9m4q7rtv5bz6c8ha'); // 'product-5bz6c8ha'
 */
export function slugFromTitle(title: string, productId: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
  return base.length >= 2 ? base : `product-${idSuffix(productId)}`;
}

/** True when every letter of `title` is Latin (accents allowed). */
export function isLatinTitle(title: string): boolean {
  return /\p{L}/u.test(title) && !/(?!\p{Script=Latin})\p{L}/u.test(title);
}

/**
 * The slug of a product with titles in several locales: from the first title
 * written in Latin script (the shop's default locale first), so a Chinese shop
 * with English texts gets `lin-an-hickory-nuts`, not a bare number.
 */
export function slugFromTitles(titles: readonly string[], productId: string): string {
  const latin = titles.find(isLatinTitle);
  return slugFromTitle(latin ?? '', productId);
}

/** The last 8 characters of an id: random enough to make a taken slug unique. */
export function idSuffix(id: string): string {
  return id.slice(-8);
}

/** A slug made unique by the id's suffix, still at most 64 characters. */
export function withIdSuffix(slug: string, productId: string): string {
  const suffix = `-${idSuffix(productId)}`;
  return `${slug.slice(0, 64 - suffix.length).replace(/-+$/g, '')}${suffix}`;
}
