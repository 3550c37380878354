import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPhoto } from '../src/photos/render-photo.ts';
import { logoSvg, monogram, renderBanner, renderLogo, shopColour } from '../src/seed-branding.ts';
import { loadSeedData } from '../src/seed-data.ts';

describe('demo shop branding', () => {
  it('makes a monogram from the slug, in Latin letters', () => {
    expect(monogram('laolin-hickory')).toBe('LH');
    expect(monogram('rojas')).toBe('R');
    expect(monogram('taller-de-piedra-rojas')).toBe('TD');
    expect(logoSvg('A&B', '#112233')).toContain('A&#38;B');
  });

  it('draws a transparent-cornered logo in the shop colour and a 3:1 banner from a photo', async () => {
    const data = await loadSeedData();
    const village = data.villages[0]!;
    const shop = village.shops[0]!;
    const colour = shopColour(village, shop);
    expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
    const logo = await sharp(await renderLogo(shop, colour))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([logo.info.width, logo.info.height, logo.info.channels]).toEqual([320, 320, 4]);
    expect(logo.data[3]).toBe(0); // the top-left corner is transparent
    const photo = await renderPhoto(village.photos[shop.products[0]!.photos[0]!]!);
    const banner = await sharp(await renderBanner(photo)).metadata();
    expect([banner.format, banner.width, banner.height]).toEqual(['jpeg', 1500, 500]);
  });
});
