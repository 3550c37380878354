import { createHash } from 'node:crypto';
import { resolveTheme, type Theme, type ThemePalette, themeCss } from '@aldea/core';
import type { Asset } from './assets/assets.js';

/** The admin's own palette (`assets/admin.css`): what a theme's missing colours keep. */
export const ADMIN_PALETTE: ThemePalette = {
  primary: '#0b6b50',
  primaryText: '#ffffff',
  background: '#f6f7f9',
  surface: '#ffffff',
  text: '#1f2328',
  muted: '#5c6670',
  border: '#d5dbe1',
};

/** Which custom property of `admin.css` each theme colour sets. */
export const ADMIN_VARIABLES = {
  primary: '--accent',
  primaryText: '--accent-ink',
  background: '--bg',
  surface: '--card',
  text: '--ink',
  muted: '--muted',
  border: '--line',
} as const;

/** The logo sits in the header's brand link, one line high. */
const LOGO_CSS =
  '.brand-logo{display:inline-block;height:1.75rem;width:auto;vertical-align:middle;margin-right:.4rem}';

/** A theme ready to render: name and logo for the layout, a stylesheet for the asset route. */
export interface AdminTheme {
  brandName?: string;
  logoUrl?: string;
  /** Another origin the logo is loaded from (allowed in the CSP's `img-src`). */
  logoOrigin?: string;
  /** `theme.<hash>.css` under the admin's `/assets/`, linked after `admin.css`. */
  stylesheet: Asset;
}

/**
 * Validates `createAdmin`'s `theme` option (see core's `Theme`) and renders it
 * as a stylesheet of CSS custom properties at a fingerprinted name (the CSP
 * allows no inline style).
 *
 * @throws AldeaError VALIDATION naming the field (`colors.primary`, `logoUrl`, …)
 */
export function adminTheme(raw: Theme): AdminTheme {
  const theme = resolveTheme(raw, ADMIN_PALETTE);
  const body = themeCss(theme, ADMIN_VARIABLES) + (theme.logoUrl ? LOGO_CSS : '');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    ...(theme.brandName ? { brandName: theme.brandName } : {}),
    ...(theme.logoUrl ? { logoUrl: theme.logoUrl } : {}),
    ...(theme.logoUrl?.startsWith('https:') ? { logoOrigin: new URL(theme.logoUrl).origin } : {}),
    stylesheet: { body, type: 'text/css; charset=utf-8', file: `theme.${hash}.css` },
  };
}
