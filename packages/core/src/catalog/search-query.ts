/**
 * Turns what a buyer typed into a full-text query. Pure; no SQL runs here.
 *
 * The FTS5 trigram tokenizer matches any substring of 3 or more characters, in
 * any script (山核桃, molcajete, volcánica ≈ volcanica). Shorter terms can never
 * match it, so a query with one falls back to LIKE, within the shop.
 */
export type SearchQuery =
  | {
      kind: 'fts';
      /** MATCH expression over title, description and materials. */
      match: string;
      /** The same terms in the title only (tier 0 results). */
      titleMatch: string;
      terms: string[];
    }
  | {
      kind: 'like';
      /** One `%term%` LIKE pattern per term, with `\` escaping `%`, `_` and `\`. */
      patterns: string[];
      terms: string[];
    };

/** At most this many terms are used; the rest of a pasted paragraph is ignored. */
export const MAX_SEARCH_TERMS = 8;

/** Splits `q` into terms; returns `undefined` when nothing searchable is left. */
export function parseSearchQuery(q: string): SearchQuery | undefined {
  const terms = q
    .normalize('NFC')
    // Quotes and FTS5 syntax characters carry no meaning for buyers.
    .replace(/["*^:(){}[\]+]/g, ' ')
    .split(/\s+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, MAX_SEARCH_TERMS);
  if (terms.length === 0) return undefined;
  if (terms.some((t) => [...t].length < 3)) {
    return { kind: 'like', terms, patterns: terms.map((t) => `%${escapeLike(t)}%`) };
  }
  // Each term is a quoted FTS5 string, so AND, OR, NEAR, - are just text.
  const phrases = terms.map((t) => `"${t}"`).join(' ');
  return { kind: 'fts', terms, match: phrases, titleMatch: `title : (${phrases})` };
}

/** Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
