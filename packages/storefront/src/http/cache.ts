import type { Context } from 'hono';

/** The Cache-Control of catalogue pages; the page cache keeps only responses that carry it. */
export const CACHE_PAGE = 'private, no-cache';

/**
 * Catalogue pages: the browser may keep them but must revalidate (the ETag
 * makes that a cheap 304). `private` because the language, currency and cart
 * cookies shape the page; shared caches must not mix buyers.
 */
export function cachePage(c: Context): void {
  c.header('Cache-Control', CACHE_PAGE);
  c.header('Vary', 'Accept-Language, Cookie');
}

/** Pages with the buyer's own state (cart): never stored. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'private, no-store');
}

/** The same for every visitor (robots.txt, sitemaps): cacheable for an hour anywhere. */
export function cachePublic(c: Context, seconds = 3600): void {
  c.header('Cache-Control', `public, max-age=${seconds}`);
}
