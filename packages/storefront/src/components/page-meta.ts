import type { MediaView } from '@aldea/core';

/** A breadcrumb step; the last one is the current page and has no link. */
export interface Crumb {
  label: string;
  href?: string | undefined;
}

/** What a page tells the layout about itself (title, SEO, switchers). */
export interface PageMeta {
  title: string;
  description?: string | undefined;
  /** Index this page (canonical + hreflang alternates); false adds `noindex` (search, cart, errors). */
  index?: boolean;
  /** OpenGraph type and image (absolute URL). */
  og?: { type: 'website' | 'product'; image?: string | undefined };
  /** A schema.org object, printed as JSON-LD. */
  jsonLd?: unknown;
  crumbs?: Crumb[];
  /** The currency prices on the page are shown in, and the ones the buyer may switch to. */
  currency?: string | undefined;
  currencies?: readonly string[] | undefined;
  /** Shop pages: the shop's name (and logo) and home link in the header, and the cart link. */
  shop?:
    | {
        name: string;
        href: string;
        cartHref: string;
        cartCount?: number;
        logo?: MediaView | undefined;
      }
    | undefined;
}

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: augmenting Hono's interface
    (content: string | Promise<string>, meta: PageMeta): Response | Promise<Response>;
  }
}
