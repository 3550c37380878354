import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A file shipped with the storefront, served at a content-fingerprinted URL. */
export interface StaticAsset {
  body: string;
  /** `/assets/<name>.<hash>.<ext>` — changes whenever the content does, so it is cached forever. */
  href: string;
  contentType: string;
}

const cache = new Map<string, StaticAsset>();

/**
 * Drops comments and layout whitespace from our own stylesheet (the source
 * stays readable; buyers on slow links get the small version). Conservative: it
 * only touches whitespace next to `{ } ; ,` and after a declaration's colon.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

function load(file: string, contentType: string): StaticAsset {
  let asset = cache.get(file);
  if (!asset) {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    const body = file.endsWith('.css') ? minifyCss(source) : source;
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const dot = file.lastIndexOf('.');
    asset = { body, href: `/assets/${file.slice(0, dot)}.${hash}${file.slice(dot)}`, contentType };
    cache.set(file, asset);
  }
  return asset;
}

/** The storefront's one stylesheet (small; no inline styles anywhere, so the CSP stays strict). */
export const stylesheet = (): StaticAsset => load('app.css', 'text/css; charset=utf-8');

/** The site icon (browsers ask for one on every first visit). */
export const siteIcon = (): StaticAsset => load('icon.svg', 'image/svg+xml');

/** The asset served at `href`, if it is one of ours at its current fingerprint. */
export function assetAt(href: string): StaticAsset | undefined {
  return [stylesheet(), siteIcon()].find((a) => a.href === href);
}
