import type { Theme } from '@aldea/core';

/**
 * The cooperative's branding, passed to both the storefront and the admin.
 * Validated when the apps are created: a colour too light to read, or a
 * font list with anything but font names, stops the start with the field named.
 */
export const theme: Theme = {
  brandName: 'Mercado Tlaloc',
  colors: {
    primary: '#0b5a5a', // teal: links, buttons
    primaryText: '#ffffff',
    background: '#fdfaf3',
    text: '#1b1f1f',
  },
  // Served by our own route below; an https:// address on a CDN works too.
  logoUrl: '/brand/logo.svg',
  fontStack: '"Noto Serif", Georgia, serif',
};

/** The logo: a small SVG served by the host app, not by Aldea. */
export const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
<circle cx="16" cy="16" r="15" fill="#0b5a5a"/>
<path d="M8 20c3-8 13-8 16 0" stroke="#fdfaf3" stroke-width="3" fill="none" stroke-linecap="round"/>
</svg>`;
