import { Hono } from 'hono';
import { html } from 'hono/html';
import type { ApiEnv } from '../env.js';
import type { OpenApiDocument } from './openapi-document.js';
import { ReferencePage } from './reference-page.js';

const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}
pre.intro{white-space:pre-wrap;background:#f6f8fa;padding:1rem;border-radius:6px}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
.op{border-top:1px solid #d0d7de;padding:.5rem 0}
.method{display:inline-block;min-width:4rem;font-weight:700}
.get{color:#0969da}.post{color:#1a7f37}.put,.patch{color:#9a6700}.delete{color:#cf222e}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
.muted{color:#59636e}small{color:#59636e;font-weight:400}dt{margin-top:.5rem}`;

const PAGE_CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * `/openapi.json` (the OpenAPI 3.1 document) and `/docs` (the reference page
 * rendered from it on the server: no scripts, no CDN).
 */
export function docsRoutes(document: () => OpenApiDocument, basePath: string): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get('/openapi.json', (c) => c.json(document()))
    .get('/docs', (c) => {
      c.header('Content-Security-Policy', PAGE_CSP);
      return c.html(html`<!DOCTYPE html>${<ReferencePage doc={document()} basePath={basePath} />}`);
    })
    .get('/docs.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(CSS);
    });
}
