import sharp from 'sharp';

/**
 * A small photo-like JPEG drawn with sharp from an SVG (never downloaded): a
 * basalt mortar or a bag of nuts on a plain background.
 */
export function makePhoto(kind: 'mortar' | 'nuts', width = 800, height = 600): Promise<Buffer> {
  const scene =
    kind === 'mortar'
      ? `<ellipse cx="400" cy="380" rx="230" ry="150" fill="#3b3a38"/><ellipse cx="400" cy="300" rx="230" ry="80" fill="#55524e"/><rect x="560" y="120" width="60" height="200" rx="28" fill="#4a4744" transform="rotate(25 590 220)"/>`
      : `<rect x="250" y="170" width="300" height="330" rx="40" fill="#b98a4b"/><circle cx="330" cy="300" r="28" fill="#6b4423"/><circle cx="420" cy="340" r="30" fill="#5a3a1e"/><circle cx="470" cy="270" r="26" fill="#7a4e2a"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 800 600"><rect width="800" height="600" fill="#efe6d8"/>${scene}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}
