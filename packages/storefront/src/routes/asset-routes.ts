import { mediaFileForKey } from '@aldea/core';
import { Hono } from 'hono';
import { assetAt, siteIcon } from '../assets/static-assets.js';
import type { AppEnv } from '../env.js';

/** Fingerprinted URLs never change content: cache for a year, never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The stylesheet and icon (`/assets/app.<hash>.css`) and media files
 * (`/media/<key>`). Media keys are content-addressed, so all are served immutable. Keys are
 * checked before storage sees them (no `..`, no odd characters): anything else
 * is a plain 404.
 */
export function assetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/assets/:file', (c) => {
    const href = `/assets/${c.req.param('file')}`;
    const theme = c.get('deps').theme?.stylesheet;
    const asset = assetAt(href) ?? (theme?.href === href ? theme : undefined);
    if (!asset) return c.notFound();
    c.header('Cache-Control', IMMUTABLE);
    c.header('Content-Type', asset.contentType);
    return c.body(asset.body);
  });

  // Browsers ask for /favicon.ico whatever the page says; send them to the real icon.
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.redirect(siteIcon().href, 301);
  });

  app.get('/media/*', async (c) => {
    // Valid keys need no percent-decoding: anything encoded is not a key of ours.
    const file = await mediaFileForKey(c.get('deps').storage, c.req.path.slice('/media/'.length));
    if (!file) return c.notFound();
    c.header('Cache-Control', file.cacheControl);
    c.header('ETag', file.etag);
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
    const stream = await file.open();
    if (!stream) return c.notFound();
    c.header('Content-Type', file.contentType);
    c.header('Content-Length', String(file.bytes));
    return c.body(stream);
  });

  return app;
}
