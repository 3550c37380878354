import { LOCALES } from '@aldea/core';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { adminAssets } from '../assets/assets.js';
import type { AdminEnv } from '../env.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField } from './fields.js';
import { OperatorNav, ShopNav } from './shop-nav.js';

/** What a page tells the layout. */
export interface PageOptions {
  title: string;
  /** The section menu to show under the header. */
  nav?: 'shop' | 'operator';
  /** A one-line confirmation ("Saved.") shown at the top. */
  flash?: string;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
}

/** Confirmation messages a redirect may ask for with `?ok=` (never free text from the URL). */
export const FLASH_KEYS: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'common.saved',
  'login.signedOut',
  'reset.done',
  'product.created',
  'product.updated',
  'product.published',
  'product.paused',
  'product.archived',
  'photos.done',
  'photos.deleted',
  'collections.saved',
  'collections.deleted',
  'operator.created',
  'operator.updated',
  'operator.resetSent',
  'fx.saved',
]);

function Header({ c }: { c: Context<AdminEnv> }) {
  const t = c.get('t');
  const links = c.get('links');
  const session = c.get('session');
  const locale = c.get('locale');
  const theme = c.get('deps').theme;
  return (
    <header class="top">
      <a class="brand" href={links.to('/')}>
        {theme?.logoUrl && <img class="brand-logo" src={theme.logoUrl} alt="" height="28" />}
        {theme?.brandName ?? 'Aldea'}
      </a>
      {session ? (
        <nav class="user" aria-label={t('nav.account')}>
          <a href={links.to('/')}>{t('nav.home')}</a>
          {session.user.isOperator && <a href={links.operator('/villages')}>{t('nav.operator')}</a>}
          <a href={links.to('/account')}>{t('nav.account')}</a>
          <form method="post" action={links.to('/logout')} class="inline">
            <CsrfField token={c.get('csrfToken')} />
            <button type="submit" class="link">
              {t('nav.signOut')}
            </button>
          </form>
        </nav>
      ) : (
        <nav class="user" aria-label={t('lang.label')}>
          {LOCALES.filter((l) => l !== locale).map((l) => (
            <a href={`?lang=${l}`} lang={l} hreflang={l}>
              {t(`lang.${l}`)}
            </a>
          ))}
        </nav>
      )}
    </header>
  );
}

/** Renders a full admin page: doctype, head, header, section menu, flash, content. */
export async function renderPage(c: Context<AdminEnv>, content: Child, opts: PageOptions) {
  const t = c.get('t');
  const links = c.get('links');
  const { css, js } = adminAssets();
  const shop = opts.nav === 'shop' ? c.get('shop') : undefined;
  const theme = c.get('deps').theme;
  const doc = (
    <html lang={c.get('locale')}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${opts.title} · ${theme?.brandName ?? t('app.name')}`}</title>
        <link rel="stylesheet" href={links.asset(css.file)} />
        {theme && <link rel="stylesheet" href={links.asset(theme.stylesheet.file)} />}
        <script src={links.asset(js.file)} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('app.skip')}
        </a>
        <Header c={c} />
        {shop && <ShopNav shop={shop} links={links} t={t} current={c.req.path} />}
        {opts.nav === 'operator' && <OperatorNav links={links} t={t} current={c.req.path} />}
        <main id="main">
          {opts.flash && (
            <p class="notice ok" role="status">
              {opts.flash}
            </p>
          )}
          {content}
        </main>
      </body>
    </html>
  );
  c.header('Cache-Control', 'no-store');
  return c.html(`<!DOCTYPE html>${await doc.toString()}`, opts.status ?? 200);
}

/** The `?ok=` confirmation of a redirect, translated, when it is one we know. */
export function flashOf(c: Context<AdminEnv>): string | undefined {
  const key = c.req.query('ok');
  return key && FLASH_KEYS.has(key as MessageKey) ? c.get('t')(key as MessageKey) : undefined;
}
