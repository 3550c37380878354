import { LOCALES } from '@aldea/core';
import type { Context } from 'hono';
import type { PropsWithChildren } from 'hono/jsx';
import { siteIcon, stylesheet } from '../assets/static-assets.js';
import type { AppEnv } from '../env.js';
import { JsonLd } from './json-ld.js';
import type { PageMeta } from './page-meta.js';
import { ShopLogo } from './shop-logo.js';
import { Switchers } from './switchers.js';

/** Currencies offered on platform pages (village and home), where no one shop decides. */
export const PLATFORM_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'MXN',
  'CAD',
  'AUD',
] as const;

/** The document around every page: head (SEO, stylesheet), header, switchers, footer. */
export function Layout({
  children,
  meta,
  c,
}: PropsWithChildren<{ meta: PageMeta; c: Context<AppEnv> }>) {
  const t = c.get('t');
  const links = c.get('links');
  const { locale } = c.get('prefs');
  const index = meta.index ?? true;
  const home = links.platform('/');
  const theme = c.get('deps').theme;
  const siteName = theme?.brandName ?? t('site.name');
  const title = meta.shop ? `${meta.title} · ${meta.shop.name}` : `${meta.title} · ${siteName}`;
  const description = meta.description ?? t('site.description');
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description.slice(0, 300)} />
        <link rel="stylesheet" href={stylesheet().href} />
        {theme && <link rel="stylesheet" href={theme.stylesheet.href} />}
        <link rel="icon" href={siteIcon().href} type="image/svg+xml" />
        {index ? (
          <>
            <link rel="canonical" href={links.canonical(locale)} />
            {LOCALES.map((l) => (
              <link rel="alternate" hreflang={l} href={links.canonical(l)} />
            ))}
            <link rel="alternate" hreflang="x-default" href={links.canonical()} />
          </>
        ) : (
          <meta name="robots" content="noindex" />
        )}
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={description.slice(0, 300)} />
        <meta property="og:type" content={meta.og?.type ?? 'website'} />
        <meta property="og:url" content={links.canonical(locale)} />
        <meta property="og:locale" content={locale.replace('-', '_')} />
        {meta.og?.image && <meta property="og:image" content={meta.og.image} />}
        <meta property="og:site_name" content={meta.shop?.name ?? siteName} />
        {meta.jsonLd !== undefined && <JsonLd data={meta.jsonLd} />}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap">
            {meta.shop ? (
              <a class="brand" href={meta.shop.href}>
                {meta.shop.logo ? (
                  <>
                    <ShopLogo image={meta.shop.logo} alt={meta.shop.name} />
                    {/* The logo's alt already names the shop to screen readers. */}
                    <span aria-hidden="true">{meta.shop.name}</span>
                  </>
                ) : (
                  meta.shop.name
                )}
              </a>
            ) : (
              <a class="brand" href={home ?? '/'}>
                {theme?.logoUrl && (
                  <img class="brand-logo" src={theme.logoUrl} alt="" height="32" />
                )}
                {siteName}
              </a>
            )}
            <nav aria-label={t('nav.main')}>
              <ul class="hlist">
                {home && (
                  <li>
                    <a href={home}>{t('nav.villages')}</a>
                  </li>
                )}
                {meta.shop && (
                  <li>
                    <a href={meta.shop.cartHref}>
                      {c.get('cartSlot') ??
                        (meta.shop.cartCount
                          ? t('nav.cartCount', { count: meta.shop.cartCount })
                          : t('nav.cart'))}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
            <Switchers
              t={t}
              links={links}
              locale={locale}
              currency={meta.currency}
              currencies={meta.currencies ?? PLATFORM_CURRENCIES}
            />
          </div>
        </header>
        <div class="wrap">
          {meta.crumbs && meta.crumbs.length > 0 && (
            <nav class="crumbs" aria-label={t('nav.breadcrumb')}>
              <ol>
                {meta.crumbs.map((crumb) =>
                  crumb.href ? (
                    <li>
                      <a href={crumb.href}>{crumb.label}</a>
                    </li>
                  ) : (
                    <li aria-current="page">{crumb.label}</li>
                  ),
                )}
              </ol>
            </nav>
          )}
          <main id="main">{children}</main>
        </div>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('footer.about')}</p>
            {meta.currency && <p>{t('footer.prices', { currency: meta.currency })}</p>}
          </div>
        </footer>
      </body>
    </html>
  );
}
