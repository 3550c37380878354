import { type MediaStorage, setShopImage } from '@aldea/core';
import sharp from 'sharp';
import type { SeedShop, SeedVillage } from './seed-data.ts';
import type { DemoShop } from './seed-shop.ts';

/** Side of the square logo the seeder draws, in pixels. */
const LOGO_SIDE = 320;
/** Size of the banner cut from the shop's first photo (3:1, a shop page's hero). */
const BANNER = { width: 1500, height: 500 } as const;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The shop's colour: the accent of the photo its first product shows. */
export function shopColour(village: SeedVillage, shop: SeedShop): string {
  const first = shop.products[0]?.photos[0];
  return (first && village.photos[first]?.accent) || '#8a5a2b';
}

/**
 * Up to two capital letters from the slug (`laolin-hickory` → `LH`): Latin
 * letters render with any font, where a Chinese name might not on a server.
 */
export function monogram(slug: string): string {
  const letters = slug
    .split('-')
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase());
  return letters.join('') || '?';
}

/** The SVG of a round monogram logo in the shop's colour (exported to look at quickly). */
export function logoSvg(letters: string, colour: string): string {
  const r = LOGO_SIDE / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${LOGO_SIDE}" height="${LOGO_SIDE}" viewBox="0 0 ${LOGO_SIDE} ${LOGO_SIDE}">
<circle cx="${r}" cy="${r}" r="${r - 6}" fill="${colour}"/>
<circle cx="${r}" cy="${r}" r="${r - 22}" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="4"/>
<text x="${r}" y="${r}" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" font-size="${letters.length > 1 ? 120 : 160}" fill="#ffffff">${escapeXml(letters)}</text>
</svg>`;
}

/** Renders the logo as a PNG with transparent corners, as a designer would hand it over. */
export function renderLogo(shop: SeedShop, colour: string): Promise<Buffer> {
  return sharp(Buffer.from(logoSvg(monogram(shop.slug), colour)))
    .png()
    .toBuffer();
}

/** Cuts a wide banner from one of the shop's product photos (the photo generator's output). */
export function renderBanner(photo: Buffer): Promise<Buffer> {
  return sharp(photo)
    .resize(BANNER.width, BANNER.height, { fit: 'cover', position: 'centre' })
    .jpeg({ quality: 84 })
    .toBuffer();
}

/**
 * Gives a demo shop its logo and banner through core's `setShopImage`, like
 * an owner's upload in the settings (sniffed, cleaned, WebP now, AVIF queued).
 */
export async function brandDemoShop(
  shop: DemoShop,
  photo: Buffer,
  storage: MediaStorage,
): Promise<void> {
  const colour = shopColour(shop.village, shop.data);
  const [logo, banner] = await Promise.all([renderLogo(shop.data, colour), renderBanner(photo)]);
  for (const [role, bytes] of [
    ['logo', logo],
    ['banner', banner],
  ] as const) {
    const r = await setShopImage(shop.ctx, {
      role,
      bytes,
      filename: `${shop.data.slug}-${role}`,
      storage,
    });
    if (!r.ok) throw new Error(`the ${role} of ${shop.data.slug} was refused: ${r.reason}`);
  }
}
