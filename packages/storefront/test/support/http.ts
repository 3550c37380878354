import type { Hono } from 'hono';
import { type HTMLElement, parse } from 'node-html-parser';

/** Options of {@link get}. */
export interface GetOptions {
  acceptLanguage?: string;
  cookie?: string;
  host?: string;
  headers?: Record<string, string>;
}

/** A page fetched through `app.request()`, with its body parsed. */
export interface Page {
  res: Response;
  status: number;
  html: string;
  doc: HTMLElement;
  /** `name=value` pairs of Set-Cookie headers. */
  cookies: Record<string, string>;
}

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** GETs a path the way a browser would (Accept-Language, cookies, Host). */
export async function get(app: Hono, path: string, opts: GetOptions = {}): Promise<Page> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.acceptLanguage) headers['accept-language'] = opts.acceptLanguage;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.host) headers.host = opts.host;
  const url = opts.host ? `http://${opts.host}${path}` : `http://localhost${path}`;
  const res = await app.request(url, { headers });
  const html = await res.text();
  return { res, status: res.status, html, doc: parse(html), cookies: cookiesOf(res) };
}

/** POSTs a form as a same-origin browser would (the Origin header satisfies CSRF protection). */
export async function postForm(
  app: Hono,
  path: string,
  fields: Record<string, string>,
  opts: { cookie?: string; origin?: string } = {},
): Promise<{
  res: Response;
  status: number;
  location: string | null;
  cookies: Record<string, string>;
}> {
  const res = await app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: opts.origin ?? 'http://localhost',
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    res,
    status: res.status,
    location: res.headers.get('location'),
    cookies: cookiesOf(res),
  };
}

/** The JSON-LD blocks of a page, parsed. */
export function jsonLd(doc: HTMLElement): unknown[] {
  return doc
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.textContent));
}

/** Visible text of the first element matching `selector`, whitespace collapsed. */
export function textOf(doc: HTMLElement, selector: string): string {
  return (doc.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
