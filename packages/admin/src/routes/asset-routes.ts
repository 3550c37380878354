import { Hono } from 'hono';
import { adminAssets } from '../assets/assets.js';
import type { AdminEnv } from '../env.js';

/** The stylesheet and script at fingerprinted URLs, cached for a year. */
export function assetRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/assets/:file', (c) => {
    const { css, js } = adminAssets();
    const theme = c.get('deps').theme?.stylesheet;
    const asset = [css, js, theme].find((a) => a?.file === c.req.param('file'));
    if (!asset) return c.notFound();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Content-Type', asset.type);
    return c.body(asset.body);
  });
  return app;
}
