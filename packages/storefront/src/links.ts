import type { BuyerPrefs, SiteMode } from './env.js';

/** Query keys a page may carry forward in its own links (everything else is dropped). */
const PAGE_KEYS = ['q', 'cursor', 'stock', 'kind', 'min', 'max'] as const;
const MAX_VALUE = 200;

type Params = Readonly<Record<string, string | undefined>>;

function withQuery(path: string, params: Params): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Builds every URL a page prints, so links keep the buyer's choices and the tenant's addressing. */
export interface Links {
  readonly mode: SiteMode;
  /** `lang`/`currency` the buyer chose explicitly; carried in links and GET forms. */
  readonly carried: Readonly<Record<string, string>>;
  /** A platform page (`/`, `/v/…`), or undefined on a shop host with no public URL. */
  platform(path: string, params?: Params): string | undefined;
  /** A page of shop `slug` seen from a platform page. */
  shopOf(slug: string, path?: string, params?: Params): string;
  /** A page of the current shop (`/s/{shop}/p/x` or, on a shop host, `/p/x`). */
  shop(path?: string, params?: Params): string;
  /** The stylesheet, a media file and other root assets. */
  asset(path: string): string;
  /** The current page with another language or currency (one-tap switchers). */
  switchTo(change: { lang?: string; currency?: string }): string;
  /** The current page in `locale`, without other choices (canonical and hreflang). */
  canonical(locale?: string): string;
  /** An absolute URL for a root-relative one (JSON-LD, OpenGraph, sitemaps). */
  absolute(href: string): string;
}

/** Options of {@link makeLinks}. */
export interface LinksInput {
  mode: SiteMode;
  prefs: Pick<BuyerPrefs, 'locale' | 'localeSource' | 'currency' | 'currencySource'>;
  /** The request URL (path and query of the current page). */
  url: URL;
  /** Origin of absolute URLs: the configured public URL, else the request's. */
  origin: string;
  /** Set on a shop host: the platform's own origin, when configured. */
  platformOrigin: string | undefined;
  /** The current shop's slug (path mode, shop routes). */
  shopSlug?: string;
}

/** Makes the link builder of one request. */
export function makeLinks(input: LinksInput): Links {
  const { mode, prefs, url } = input;
  const carried: Record<string, string> = {};
  if (prefs.localeSource === 'query' || prefs.localeSource === 'cookie') {
    carried.lang = prefs.locale;
  }
  if (prefs.currency && (prefs.currencySource === 'query' || prefs.currencySource === 'cookie')) {
    carried.currency = prefs.currency;
  }
  const pageParams: Record<string, string> = {};
  for (const key of PAGE_KEYS) {
    const v = url.searchParams.get(key);
    if (v && v.length <= MAX_VALUE) pageParams[key] = v;
  }
  const shopBase = mode === 'host' ? '' : `/s/${input.shopSlug ?? ''}`;
  const links: Links = {
    mode,
    carried,
    platform(path, params = {}) {
      if (mode === 'path') return withQuery(path, { ...carried, ...params });
      if (!input.platformOrigin) return undefined;
      return withQuery(`${input.platformOrigin}${path}`, { ...carried, ...params });
    },
    shopOf(slug, path = '', params = {}) {
      return withQuery(`/s/${slug}${path}`, { ...carried, ...params });
    },
    shop(path = '', params = {}) {
      const full = `${shopBase}${path}` || '/';
      return withQuery(full, { ...carried, ...params });
    },
    asset: (path) => path,
    switchTo(change) {
      return withQuery(url.pathname, { ...pageParams, ...carried, ...change });
    },
    canonical(locale) {
      const keep = pageParams.q ? { q: pageParams.q } : {};
      return `${input.origin}${withQuery(url.pathname, { ...keep, lang: locale })}`;
    },
    absolute: (href) => (/^https?:\/\//.test(href) ? href : `${input.origin}${href}`),
  };
  return links;
}
