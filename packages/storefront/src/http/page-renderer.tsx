import type { MiddlewareHandler } from 'hono';
import { Layout } from '../components/layout.js';
import type { PageMeta } from '../components/page-meta.js';
import type { AppEnv } from '../env.js';

/**
 * `c.render(content, meta)`: the page in the site's layout, as HTML. What
 * `hono/jsx-renderer` does, keeping the HTML string in `renderedHtml`, so that
 * the page cache stores it without reading the response back (that round trip
 * — a web stream, a decode — was a tenth of a first view's time).
 */
export function pageRenderer(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.setRenderer(async (content, meta: PageMeta) => {
      const page = (
        <Layout meta={meta} c={c}>
          {content}
        </Layout>
      );
      const html = `<!DOCTYPE html>${await page.toString()}`;
      c.set('renderedHtml', html);
      return c.html(html);
    });
    await next();
  };
}
