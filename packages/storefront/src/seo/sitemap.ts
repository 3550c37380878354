import { LOCALES } from '@aldea/core';
import { xmlEscape } from './xml.js';

/** The most URLs one sitemap file may list (the sitemaps.org limit). */
export const SITEMAP_MAX_URLS = 50_000;

function withLang(url: string, locale: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${encodeURIComponent(locale)}`;
}

/**
 * A sitemap listing each page once per locale, each entry with `hreflang`
 * alternates to the others (what search engines ask for multilingual sites).
 * `pages` are absolute URLs without a `lang` parameter.
 */
export function sitemapXml(pages: readonly string[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  const max = Math.floor(SITEMAP_MAX_URLS / LOCALES.length);
  for (const page of pages.slice(0, max)) {
    const alternates = LOCALES.map(
      (l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xmlEscape(withLang(page, l))}"/>`,
    ).join('');
    for (const locale of LOCALES) {
      out.push(`<url><loc>${xmlEscape(withLang(page, locale))}</loc>${alternates}</url>`);
    }
  }
  out.push('</urlset>');
  return out.join('\n');
}

/** robots.txt: crawl pages, not carts or search results; here are the sitemaps. */
export function robotsTxt(opts: {
  disallow: readonly string[];
  sitemaps: readonly string[];
}): string {
  return [
    'User-agent: *',
    ...opts.disallow.map((d) => `Disallow: ${d}`),
    'Allow: /',
    '',
    ...opts.sitemaps.map((s) => `Sitemap: ${s}`),
    '',
  ].join('\n');
}
