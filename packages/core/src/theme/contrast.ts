/**
 * WCAG 2 contrast between two hex colours, from 1 (the same) to 21 (black on
 * white). Pure arithmetic on 8-bit channels; no colour library.
 *
 * @example
 * contrastRatio('#000000', '#ffffff'); // 21
 * contrastRatio('#777', '#fff'); // ≈ 4.48: just short of AA for body text
 */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The WCAG minimum for body text (level AA). */
export const MIN_TEXT_CONTRAST = 4.5;

/** `#abc` → `#aabbcc`, lower case. Assumes a valid hex colour. */
export function expandHex(hex: string): string {
  const h = hex.slice(1).toLowerCase();
  return h.length === 3 ? `#${[...h].map((c) => c + c).join('')}` : `#${h}`;
}

function luminance(hex: string): number {
  const h = expandHex(hex);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
