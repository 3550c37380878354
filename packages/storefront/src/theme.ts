import { createHash } from 'node:crypto';
import {
  type ResolvedTheme,
  resolveTheme,
  type Theme,
  type ThemePalette,
  themeCss,
} from '@aldea/core';
import type { StaticAsset } from './assets/static-assets.js';

/** The storefront's own palette (`assets/app.css`): what a theme's missing colours keep. */
export const STOREFRONT_PALETTE: ThemePalette = {
  primary: '#8a3b12',
  primaryText: '#ffffff',
  background: '#fbf8f3',
  surface: '#ffffff',
  text: '#1d1b18',
  muted: '#57514a',
  border: '#ddd4c7',
};

/** Which custom property of `app.css` each theme colour sets. */
export const STOREFRONT_VARIABLES = {
  primary: '--accent',
  primaryText: '--accent-ink',
  background: '--paper',
  surface: '--card',
  text: '--ink',
  muted: '--muted',
  border: '--line',
} as const;

/** The logo sits in the header's brand link, one line high. */
const LOGO_CSS =
  '.brand-logo{display:inline-block;height:2rem;width:auto;vertical-align:middle;margin-right:.5rem}';

/** A theme ready to render: its name and logo for the layout, its stylesheet for the asset route. */
export interface StorefrontTheme {
  brandName?: string;
  logoUrl?: string;
  /** Another origin the logo is loaded from (allowed in the CSP's `img-src`). */
  logoOrigin?: string;
  /** `/assets/theme.<hash>.css`, linked after the storefront's own stylesheet. */
  stylesheet: StaticAsset;
}

/**
 * Validates `createStorefront`'s `theme` option (see core's `Theme`) and
 * renders it as a stylesheet of CSS custom properties, served at a
 * fingerprinted URL like the storefront's own (the CSP allows no inline style).
 *
 * @throws AldeaError VALIDATION naming the field (`colors.primary`, `logoUrl`, …)
 */
export function storefrontTheme(raw: Theme): StorefrontTheme {
  const theme: ResolvedTheme = resolveTheme(raw, STOREFRONT_PALETTE);
  const body = themeCss(theme, STOREFRONT_VARIABLES) + (theme.logoUrl ? LOGO_CSS : '');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    ...(theme.brandName ? { brandName: theme.brandName } : {}),
    ...(theme.logoUrl ? { logoUrl: theme.logoUrl } : {}),
    ...(theme.logoUrl?.startsWith('https:') ? { logoOrigin: new URL(theme.logoUrl).origin } : {}),
    stylesheet: { body, href: `/assets/theme.${hash}.css`, contentType: 'text/css; charset=utf-8' },
  };
}
